// SPDX-License-Identifier: Apache-2.0
package io.moat.e2e;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * swaks, the SMTP test client, sending one message with a unique X-Test-Id and Message-ID.
 * Its exit code says where a transaction failed (23 after MAIL, 24 after RCPT, 26 after the
 * message body), and its transcript marks server errors with {@code <**}.
 */
final class Swaks {
    static final int EXIT_OK = 0;
    static final int EXIT_ERROR_AFTER_MAIL = 23;
    static final int EXIT_ERROR_AFTER_BODY = 26;

    private final Path program;

    Swaks(Path program) {
        this.program = program;
    }

    /** The outcome of one swaks run. */
    record Result(int exitCode, String transcript) {
    }

    static String messageId(String testId) {
        return testId + "@e2e.moat.test";
    }

    Result send(int port, String testId, String body) {
        List<String> cmd = new ArrayList<>(List.of(program.toString(),
                "--server", "127.0.0.1:" + port,
                "--helo", "client.e2e.moat.test",
                "--from", "sender@outside.example",
                "--to", "user@customer.example",
                "--header", "X-Test-Id: " + testId,
                "--header", "Message-Id: <" + messageId(testId) + ">",
                "--header", "Subject: moat e2e " + testId,
                "--body", body,
                "--timeout", "30"));
        Exec.Result r = Exec.run(Duration.ofSeconds(60), cmd);
        return new Result(r.exitCode(), r.output());
    }

    /**
     * Sends a whole message as written (headers and body, see {@link TestMessages}) from
     * {@link TestMessages#SENDER} to every recipient in one transaction.
     */
    Result sendMessage(int port, List<String> recipients, String message) {
        Path data;
        try {
            data = Files.createTempFile("moat-e2e-", ".eml");
            Files.writeString(data, message, StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        try {
            Exec.Result r = Exec.run(Duration.ofSeconds(60), program.toString(),
                    "--server", "127.0.0.1:" + port,
                    "--helo", "client.e2e.moat.test",
                    "--from", TestMessages.SENDER,
                    "--to", String.join(",", recipients),
                    "--data", "@" + data,
                    "--timeout", "30");
            return new Result(r.exitCode(), r.output());
        } finally {
            try {
                Files.deleteIfExists(data);
            } catch (IOException e) {
                System.err.println("moat-e2e: cannot delete " + data + ": " + e);
            }
        }
    }
}
