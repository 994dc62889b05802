// SPDX-License-Identifier: Apache-2.0
package io.moat.store;

import java.util.Locale;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A protected domain.
 *
 * @param name the domain, lower case
 * @param relay where its mail goes, e.g. {@code smtp:[10.0.0.5]:25}; null for Postfix's default
 * @param passThrough true when content filtering is off for it (only low-level protections stay)
 * @param quarantineRetentionDays how long its quarantined mail is kept; null for the default
 */
public record Domain(String name, @Nullable String relay, boolean passThrough, @Nullable Integer quarantineRetentionDays) {
    private static final Pattern NAME = Pattern.compile("(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z][a-z0-9-]{0,62}");

    public Domain {
        name = name.trim().toLowerCase(Locale.ROOT);
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a domain name: '" + name + "'");
        }
        if (quarantineRetentionDays != null && quarantineRetentionDays < 1) {
            throw new IllegalArgumentException("retention must be at least 1 day, was " + quarantineRetentionDays);
        }
    }

    public static Domain named(String name) {
        return new Domain(name, null, false, null);
    }
}
