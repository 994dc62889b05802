// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.mailbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.cli.options.CliRun;
import io.moat.cli.options.TestStore;
import io.moat.store.Store;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailboxCommandsTest {
    @TempDir
    Path dir;
    private TestStore store;

    @BeforeEach
    void setUp() {
        store = TestStore.in(dir);
        store.run("domain", "add", "example.org");
    }

    @Test
    void addListRemove() {
        assertThat(store.run("mailbox", "add", "Ann@Example.org", "--name", "Ann").out()).contains("Added mailbox ann@example.org.");
        assertThat(store.run("mailbox", "list").out()).contains("ann@example.org", "Ann");
        assertThat(store.run("mailbox", "list", "--domain", "example.org", "--json").out()).contains("\"address\" : \"ann@example.org\"");
        assertThat(store.run("mailbox", "remove", "ann@example.org").exit()).isZero();
        assertThat(store.run("mailbox", "list").out()).contains("No mailboxes.");
        assertThat(store.run("mailbox", "remove", "ann@example.org").err()).isEqualTo("moat: no mailbox 'ann@example.org'\n");
    }

    @Test
    void aMailboxOfAnUnknownDomainOrABadAddressIsRefused() {
        CliRun unknown = store.run("mailbox", "add", "ann@nowhere.org");
        assertThat(unknown.exit()).isEqualTo(1);
        assertThat(unknown.err()).contains("no domain 'nowhere.org'");
        CliRun bad = store.run("mailbox", "add", "not-an-address");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.err()).contains("not a mail address");
    }

    @Test
    void importWritesGoodFilesWithAHeaderAndQuotedNames() throws IOException {
        Path csv = Files.writeString(dir.resolve("boxes.csv"), "address,name\nann@example.org,\"Ann, Sales\"\n\nBOB@example.org\n");
        CliRun r = store.run("mailbox", "import", csv.toString());
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("Imported 2 mailboxes");
        assertThat(r.err()).contains("Importing [", "100%  2/2");
        assertThat(store.run("mailbox", "list", "--json").out()).contains("\"name\" : \"Ann, Sales\"", "bob@example.org");
        assertThat(store.run("audit", "list", "--action", "mailbox.import").out()).contains("boxes.csv", "2 mailboxes");
    }

    @Test
    void aFileWithBadRowsImportsNothingAndNamesEveryRow() throws IOException {
        Path csv = Files.writeString(dir.resolve("boxes.csv"),
                "ann@example.org\nnot-an-address\nbob@nowhere.org\ncarl@example.org,Carl,extra\ndave@example.org\n");
        CliRun r = store.run("mailbox", "import", csv.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("boxes.csv: row 2: not a mail address: 'not-an-address'",
                "boxes.csv: row 3: no domain 'nowhere.org'", "boxes.csv: row 4: expected address[,name], got 3 columns",
                "moat: Nothing imported: 3 of 5 rows are invalid");
        assertThat(store.run("mailbox", "list").out()).contains("No mailboxes.");
    }

    @Test
    void skipInvalidImportsTheRestAndErrorsWritesAFile() throws IOException {
        Path csv = Files.writeString(dir.resolve("boxes.csv"), "ann@example.org\nbroken\ndave@example.org\n");
        Path errors = dir.resolve("errors.txt");
        CliRun r = store.run("mailbox", "import", csv.toString(), "--skip-invalid", "--errors", errors.toString(), "--json");
        assertThat(r.exit()).as(r.toString()).isZero();
        assertThat(r.out()).contains("\"imported\" : 2", "\"invalid\" : 1", "\"row\" : 2");
        assertThat(Files.readString(errors)).isEqualTo("row 2: not a mail address: 'broken'\n");
    }

    @Test
    void malformedCsvIsAClearErrorAndImportsNothing() throws IOException {
        Path csv = Files.writeString(dir.resolve("bad.csv"), "ann@example.org\n\"bob@example.org,Bob\n");
        CliRun r = store.run("mailbox", "import", csv.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).startsWith("moat: cannot read").doesNotContain("\tat ");
        assertThat(store.run("mailbox", "list").out()).contains("No mailboxes.");
    }

    @Test
    void aMissingFileIsAClearError() {
        CliRun r = store.run("mailbox", "import", dir.resolve("none.csv").toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).contains("cannot read").doesNotContain("Exception");
    }

    @Test
    void oneHundredThousandMailboxesWithSomeBrokenRows() throws IOException {
        StringBuilder sb = new StringBuilder("address,name\n");
        for (int i = 0; i < 100_000; i++) {
            if (i % 10_000 == 5) {
                sb.append("broken-row-").append(i).append('\n');
            } else {
                sb.append("user").append(i).append("@example.org,User ").append(i).append('\n');
            }
        }
        Path csv = Files.writeString(dir.resolve("big.csv"), sb);

        long start = System.nanoTime();
        CliRun strict = store.run("mailbox", "import", csv.toString(), "--no-progress");
        assertThat(strict.exit()).isEqualTo(1);
        assertThat(strict.err()).contains("row 7: not a mail address: 'broken-row-5'", "Nothing imported: 10 of 100000 rows are invalid");
        try (Store s = store.open()) {
            assertThat(s.mailboxes().count(null)).isZero();
        }

        CliRun lenient = store.run("mailbox", "import", csv.toString(), "--skip-invalid");
        long millis = (System.nanoTime() - start) / 1_000_000;
        assertThat(lenient.exit()).as(lenient.toString()).isZero();
        assertThat(lenient.out()).contains("Imported 99990 mailboxes", "skipped 10 invalid rows");
        assertThat(lenient.err()).contains("100%  99990/99990");
        try (Store s = store.open()) {
            assertThat(s.mailboxes().count("example.org")).isEqualTo(99_990);
        }
        System.out.println("100,000-row CSV: checked twice and imported once in " + millis + " ms");
    }
}
