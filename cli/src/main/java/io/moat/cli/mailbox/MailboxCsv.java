// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.mailbox;

import io.moat.cli.options.CliException;
import io.moat.store.Mailbox;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.jspecify.annotations.Nullable;

/**
 * A mailbox CSV file: {@code address[,name]} per row, an optional header row ({@code address} or
 * {@code email} first), UTF-8. Read twice without holding it in memory: once to check every row,
 * once to import.
 */
final class MailboxCsv {
    /** A row that cannot be imported. */
    record BadRow(long row, String error) { }

    private final Path file;
    private final Set<String> domains;

    MailboxCsv(Path file, Set<String> domains) {
        this.file = file;
        this.domains = domains;
    }

    /** Checks every row; reports bad ones; returns the number of good rows. */
    long check(Consumer<BadRow> bad) {
        long good = 0;
        try (CSVParser parser = open()) {
            for (CSVRecord r : parser) {
                Object result = parse(r);
                if (result instanceof BadRow b) {
                    bad.accept(b);
                } else if (result instanceof Mailbox) {
                    good++;
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
        return good;
    }

    /** The good rows, read lazily; the caller closes nothing: the file closes at the end. */
    Iterable<Mailbox> mailboxes() {
        return () -> new GoodRows(open());
    }

    private CSVParser open() {
        try {
            Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8);
            return CSVFormat.DEFAULT.builder().setTrim(true).setIgnoreEmptyLines(true).get().parse(reader);
        } catch (IOException e) {
            throw new CliException("cannot read " + file + ": " + e.getMessage());
        }
    }

    /** A {@link Mailbox}, a {@link BadRow}, or null for the header row. */
    private @Nullable Object parse(CSVRecord r) {
        if (r.getRecordNumber() == 1 && r.size() > 0 && (r.get(0).equalsIgnoreCase("address") || r.get(0).equalsIgnoreCase("email"))) {
            return null;
        }
        if (r.size() > 2) {
            return new BadRow(r.getRecordNumber(), "expected address[,name], got " + r.size() + " columns");
        }
        Mailbox m;
        try {
            m = new Mailbox(r.get(0), r.size() > 1 ? r.get(1) : null);
        } catch (IllegalArgumentException e) {
            return new BadRow(r.getRecordNumber(), e.getMessage());
        }
        if (!domains.contains(m.domain())) {
            return new BadRow(r.getRecordNumber(), "no domain '" + m.domain() + "' (add it with 'moat domain add')");
        }
        return m;
    }

    /** Iterates the good rows, closing the parser when done. */
    private final class GoodRows implements Iterator<Mailbox> {
        private final CSVParser parser;
        private final Iterator<CSVRecord> records;
        private @Nullable Mailbox next;

        GoodRows(CSVParser parser) {
            this.parser = parser;
            this.records = parser.iterator();
            advance();
        }

        private void advance() {
            next = null;
            while (next == null && records.hasNext()) {
                if (parse(records.next()) instanceof Mailbox m) {
                    next = m;
                }
            }
            if (next == null) {
                try {
                    parser.close();
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }

        @Override
        public boolean hasNext() {
            return next != null;
        }

        @Override
        public Mailbox next() {
            Mailbox m = next;
            if (m == null) {
                throw new NoSuchElementException();
            }
            advance();
            return m;
        }
    }
}
