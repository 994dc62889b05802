// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * A minimal SMTP client for load: one session per message, as a sending MTA does. It stops at
 * the first reply that is not 2xx/3xx and reports it, so the caller can retry a 4xx as a real
 * sender would.
 */
final class SmtpClient {
    private static final int TIMEOUT_MILLIS = 30_000;

    private SmtpClient() {
    }

    /** The last SMTP reply of a transaction and the command it answered ("DATA-END" for the final dot). */
    record Outcome(String stage, int code, String reply) {
        boolean accepted() {
            return code / 100 == 2 && stage.equals("DATA-END");
        }

        boolean tempfailed() {
            return code / 100 == 4;
        }
    }

    /** Sends one message; {@code mailParameters} is appended to MAIL FROM (e.g. "SIZE=50000" or ""). */
    static Outcome send(int port, String from, String to, String mailParameters, String message) throws IOException {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), TIMEOUT_MILLIS);
            s.setSoTimeout(TIMEOUT_MILLIS);
            BufferedReader in = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.ISO_8859_1));
            OutputStream out = s.getOutputStream();
            Outcome o = reply(in, "BANNER");
            String mail = "MAIL FROM:<" + from + ">" + (mailParameters.isEmpty() ? "" : " " + mailParameters);
            String[][] steps = {{"EHLO", "EHLO client.e2e.moat.test"}, {"MAIL", mail}, {"RCPT", "RCPT TO:<" + to + ">"},
                {"DATA", "DATA"}};
            for (String[] step : steps) {
                if (o.code / 100 > 3) {
                    return o;
                }
                write(out, step[1] + "\r\n");
                o = reply(in, step[0]);
            }
            if (o.code != 354) {
                return o;
            }
            write(out, dotStuffed(message) + ".\r\n");
            Outcome end = reply(in, "DATA-END");
            write(out, "QUIT\r\n");
            return end;
        }
    }

    private static Outcome reply(BufferedReader in, String stage) throws IOException {
        StringBuilder text = new StringBuilder();
        String line;
        do {
            line = in.readLine();
            if (line == null || line.length() < 3) {
                throw new IOException("connection closed or malformed reply after " + stage + ": " + text);
            }
            text.append(line).append('\n');
        } while (line.length() > 3 && line.charAt(3) == '-');
        return new Outcome(stage, Integer.parseInt(line.substring(0, 3)), text.toString().strip());
    }

    private static String dotStuffed(String message) {
        String crlf = message.replace("\r\n", "\n").replace("\n", "\r\n");
        if (!crlf.endsWith("\r\n")) {
            crlf += "\r\n";
        }
        return (crlf.startsWith(".") ? "." : "") + crlf.replace("\r\n.", "\r\n..");
    }

    private static void write(OutputStream out, String text) throws IOException {
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }
}
