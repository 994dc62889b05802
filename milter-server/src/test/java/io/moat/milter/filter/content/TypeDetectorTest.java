// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.apache.tika.mime.MediaType;
import org.junit.jupiter.api.Test;

/** The true type of a part: the text shortcut never hides bytes that are not text, nor a named file. */
class TypeDetectorTest {
    private static final byte[] EXE = exe();
    private final TypeDetector detector = new TypeDetector();

    @Test
    void unnamedDeclaredTextThatIsTextIsTakenAsDeclared() throws Exception {
        assertThat(detect("Hello,\r\nsee you at 5.\r\n\f\tBye\r\n".getBytes(StandardCharsets.UTF_8), null, "text/plain"))
                .isEqualTo(MediaType.TEXT_PLAIN);
        assertThat(detect("<html><body>hi</body></html>".getBytes(StandardCharsets.UTF_8), null, "text/html"))
                .isEqualTo(MediaType.TEXT_HTML);
    }

    @Test
    void anExecutableDeclaredAsTextIsStillFoundByItsBytes() throws Exception {
        assertThat(detect(EXE, null, "text/plain").toString()).isEqualTo("application/x-msdownload");
    }

    @Test
    void aNamedTextPartHasItsBytesExamined() throws Exception {
        byte[] pdf = "%PDF-1.4\n%\u00e2\u00e3\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(detect(pdf, "report.txt", "text/plain").toString()).isEqualTo("application/pdf");
        assertThat(detect(pdf, null, "application/octet-stream").toString()).isEqualTo("application/pdf");
    }

    @Test
    void anArmouredSignatureIsTakenAsTextAsTheMagicPassFindsIt() throws Exception {
        byte[] signature = ("-----BEGIN PGP SIGNATURE-----\r\nVersion: GnuPG v1.0.6 (GNU/Linux)\r\n\r\n"
                + "iD8DBQE9Mb8ZbSl5YAKg1f8RAp6UAJ9e1yV0+tqz8yVxCq0j9QIsnVd7bACfRk2a\r\n=Xq9x\r\n"
                + "-----END PGP SIGNATURE-----\r\n").getBytes(StandardCharsets.US_ASCII);
        MediaType full = detect(signature, null, "application/octet-stream");
        assertThat(full).isEqualTo(MediaType.TEXT_PLAIN);
        assertThat(detect(signature, null, "application/pgp-signature")).isEqualTo(full);
        for (String name : new String[] {"signature.asc", "OpenPGP.asc", "msg.SIG"}) {
            assertThat(detect(signature, name, "application/pgp-signature")).isEqualTo(detect(signature, name, "application/octet-stream"))
                    .isEqualTo(MediaType.TEXT_PLAIN);
        }
    }

    @Test
    void aSignaturePartWithAnotherNameHasItsBytesExaminedForThatName() throws Exception {
        byte[] armoured = "-----BEGIN PGP SIGNATURE-----\r\n\r\niD8DBQE9\r\n-----END PGP SIGNATURE-----\r\n"
                .getBytes(StandardCharsets.US_ASCII);
        assertThat(detect(armoured, "invoice.js", "application/pgp-signature").toString()).isEqualTo("text/javascript");
        assertThat(detect(armoured, "invoice.vbs", "application/pgp-signature").toString()).isEqualTo("text/x-vbscript");
    }

    @Test
    void aSignaturePartThatIsNotArmouredTextHasItsBytesExamined() throws Exception {
        assertThat(detect(EXE, null, "application/pgp-signature").toString()).isEqualTo("application/x-msdownload");
        byte[] pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n".getBytes(StandardCharsets.US_ASCII);
        assertThat(detect(pdf, null, "application/pgp-signature").toString()).isEqualTo("application/pdf");
    }

    @Test
    void theStreamIsLeftAtItsStartEitherWay() throws Exception {
        byte[] text = "plain words\r\n".getBytes(StandardCharsets.US_ASCII);
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(text), detector.readLimit());
        detector.detect(in, null, "text/plain");
        assertThat(in.readAllBytes()).isEqualTo(text);
        byte[] armour = "-----BEGIN PGP SIGNATURE-----\r\n".getBytes(StandardCharsets.US_ASCII);
        InputStream signature = new BufferedInputStream(new ByteArrayInputStream(armour), detector.readLimit());
        detector.detect(signature, null, "application/pgp-signature");
        assertThat(signature.readAllBytes()).isEqualTo(armour);
    }

    @Test
    void lineageIsTheSameOnEveryCall() {
        MediaType exe = MediaType.parse("application/x-msdownload");
        assertThat(detector.lineage(exe)).containsExactly("application/x-msdownload", "application/octet-stream")
                .isEqualTo(detector.lineage(exe));
    }

    private MediaType detect(byte[] bytes, String name, String declared) throws Exception {
        InputStream in = new BufferedInputStream(new ByteArrayInputStream(bytes), detector.readLimit());
        return detector.detect(in, name, declared);
    }

    private static byte[] exe() {
        byte[] b = new byte[256];
        b[0] = 'M';
        b[1] = 'Z';
        b[0x3C] = (byte) 0x80;
        b[0x80] = 'P';
        b[0x81] = 'E';
        return b;
    }
}
