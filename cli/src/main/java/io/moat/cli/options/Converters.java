// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

import io.moat.store.Classification;
import io.moat.store.Destination;
import io.moat.store.Role;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Picocli converters for the store's values: a bad value is a usage error (exit 2). */
public final class Converters {
    private Converters() {
    }

    /** {@code spam}, {@code bad-header}, ... */
    public static final class ClassificationConverter implements ITypeConverter<Classification> {
        @Override
        public Classification convert(String value) {
            try {
                return Classification.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage() + " (clean, spam, virus, banned, bad-header, oversized, unchecked)");
            }
        }
    }

    /** {@code delivered}, {@code quarantined}, ... */
    public static final class DestinationConverter implements ITypeConverter<Destination> {
        @Override
        public Destination convert(String value) {
            try {
                return Destination.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /** {@code admin} or {@code mailbox}. */
    public static final class RoleConverter implements ITypeConverter<Role> {
        @Override
        public Role convert(String value) {
            try {
                return Role.parse(value);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }

    /**
     * A point in time: {@code 2026-03-01T10:00:00Z}, a date {@code 2026-03-01} (midnight UTC), or
     * an age {@code 30m}, {@code 2h}, {@code 7d} before now.
     */
    public static final class TimeConverter implements ITypeConverter<Instant> {
        private static final Pattern AGE = Pattern.compile("(\\d+)([smhd])");

        @Override
        public Instant convert(String value) {
            return parse(value, Clock.systemUTC());
        }

        static Instant parse(String value, Clock clock) {
            Matcher m = AGE.matcher(value.trim());
            if (m.matches()) {
                long n = Long.parseLong(m.group(1));
                Duration d = switch (m.group(2)) {
                    case "s" -> Duration.ofSeconds(n);
                    case "m" -> Duration.ofMinutes(n);
                    case "h" -> Duration.ofHours(n);
                    default -> Duration.ofDays(n);
                };
                return clock.instant().minus(d);
            }
            try {
                return value.contains("T") ? Instant.parse(value.trim()) : LocalDate.parse(value.trim()).atStartOfDay(ZoneOffset.UTC).toInstant();
            } catch (DateTimeParseException e) {
                throw new TypeConversionException("'" + value + "' is not a time: use 2026-03-01T10:00:00Z, 2026-03-01, or an age"
                        + " like 30m, 2h, 7d");
            }
        }
    }
}
