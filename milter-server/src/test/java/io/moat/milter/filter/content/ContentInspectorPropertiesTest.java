// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.verdict.BannedTypes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Hostile or broken input ends as a report, never as an exception. */
class ContentInspectorPropertiesTest {
    private static final ContentInspector INSPECTOR;

    static {
        try {
            INSPECTOR = new ContentInspector(ContentLimits.DEFAULTS, BannedTypes.DEFAULTS,
                    Files.createTempDirectory("moat-prop"));
        } catch (IOException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    @Property(tries = 200)
    void randomBytesNeverThrow(@ForAll byte[] junk) throws IOException {
        assertThat(INSPECTOR.inspect(new ByteArrayInputStream(junk))).isNotNull();
    }

    @Property(tries = 150)
    void damagedMessagesWithArchivesNeverThrow(@ForAll("damaged") byte[] message) throws IOException {
        assertThat(INSPECTOR.inspect(new ByteArrayInputStream(message))).isNotNull();
    }

    @Provide
    Arbitrary<byte[]> damaged() throws IOException {
        byte[] zip = Mail.zip(Map.of("a/b.txt", "hello hello hello".repeat(50).getBytes(),
                "c.zip", Mail.zip(Map.of("d.exe", Mail.windowsExecutable()))));
        byte[] base = Mail.multipart().text("see http://x.example/").attach("application/zip", "z.zip", zip)
                .attach("application/zip", "raw.zip", zip).build();
        return Arbitraries.integers().between(0, base.length - 1).list().ofMinSize(1).ofMaxSize(30)
                .flatMap(positions -> Arbitraries.bytes().list().ofSize(positions.size()).map(values -> {
                    byte[] copy = base.clone();
                    for (int i = 0; i < positions.size(); i++) {
                        copy[positions.get(i)] = values.get(i);
                    }
                    return copy;
                }));
    }

    @Property(tries = 60)
    void damagedZipBytesNeverThrow(@ForAll("zipDamage") byte[] zip) throws IOException {
        byte[] msg = Mail.multipart().attach("application/zip", "z.zip", zip).build();
        assertThat(INSPECTOR.inspect(new ByteArrayInputStream(msg))).isNotNull();
    }

    @Provide
    Arbitrary<byte[]> zipDamage() throws IOException {
        byte[] zip = Mail.zip(Map.of("x.txt", "abc".repeat(1000).getBytes(), "y.bin", new byte[5000]));
        return Arbitraries.integers().between(0, zip.length - 1).list().ofMinSize(1).ofMaxSize(8)
                .map(positions -> {
                    byte[] copy = zip.clone();
                    for (int p : positions) {
                        copy[p] ^= (byte) (p * 31 + 7);
                    }
                    return copy;
                });
    }
}
