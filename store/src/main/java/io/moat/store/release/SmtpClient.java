// SPDX-License-Identifier: Apache-2.0
package io.moat.store.release;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A minimal SMTP client (RFC 5321) for re-injection to a trusted local listener: EHLO (HELO as a
 * fallback), MAIL, RCPT, DATA with dot-stuffing and CRLF line ends, QUIT. No TLS, no AUTH: the
 * target is on loopback or a private relay.
 */
public final class SmtpClient {
    private static final int MAX_LINE = 4096;
    private final SmtpTarget target;
    private final String heloName;

    public SmtpClient(SmtpTarget target, String heloName) {
        this.target = target;
        this.heloName = heloName;
    }

    /** Sends one message to the recipients; returns the server's final reply to DATA. */
    public String send(String sender, List<String> recipients, byte[] message) throws IOException {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(target.host(), target.port()), (int) target.timeout().toMillis());
            socket.setSoTimeout((int) target.timeout().toMillis());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            OutputStream out = new BufferedOutputStream(socket.getOutputStream());
            expect(in, 220, "greeting");
            String ehlo = command(in, out, "EHLO " + heloName);
            if (!ehlo.startsWith("250")) {
                expect(in, out, "HELO " + heloName, 250);
            }
            boolean eightBit = ehlo.contains("8BITMIME") && hasEightBit(message);
            expect(in, out, "MAIL FROM:<" + sender + ">" + (eightBit ? " BODY=8BITMIME" : ""), 250);
            for (String r : recipients) {
                expect(in, out, "RCPT TO:<" + r + ">", 250);
            }
            expect(in, out, "DATA", 354);
            out.write(Dotstuffing.encode(message));
            out.write(".\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            String reply = expect(in, 250, "end of data");
            command(in, out, "QUIT");
            return reply;
        }
    }

    private static boolean hasEightBit(byte[] message) {
        for (byte b : message) {
            if (b < 0) {
                return true;
            }
        }
        return false;
    }

    private static String command(InputStream in, OutputStream out, String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return reply(in);
    }

    private static void expect(InputStream in, OutputStream out, String line, int code) throws IOException {
        String reply = command(in, out, line);
        if (!reply.startsWith(Integer.toString(code))) {
            throw new SmtpException(line.split(" ")[0] + " refused: " + reply);
        }
    }

    private static String expect(InputStream in, int code, String what) throws IOException {
        String reply = reply(in);
        if (!reply.startsWith(Integer.toString(code))) {
            throw new SmtpException(what + " refused: " + reply);
        }
        return reply;
    }

    /** Reads a (possibly multi-line) reply; returns its lines joined by spaces. */
    private static String reply(InputStream in) throws IOException {
        StringBuilder all = new StringBuilder();
        while (true) {
            String line = line(in);
            all.append(all.isEmpty() ? "" : " ").append(line);
            if (line.length() < 4 || line.charAt(3) != '-') {
                return all.toString();
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1 && b != '\n') {
            if (b != '\r') {
                buf.write(b);
            }
            if (buf.size() > MAX_LINE) {
                throw new SmtpException("reply line longer than " + MAX_LINE + " bytes");
            }
        }
        if (b == -1) {
            throw new SmtpException("connection closed by the server");
        }
        return buf.toString(StandardCharsets.US_ASCII);
    }
}
