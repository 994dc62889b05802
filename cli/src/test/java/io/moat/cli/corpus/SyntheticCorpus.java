// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.corpus;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small labelled folders of made-up mail for command tests: spam/, ham/ and an mbox of ham. */
public final class SyntheticCorpus {
    private static final String[] SPAM_WORDS = {"cheap", "pills", "offer", "winner", "cash", "discount", "casino", "loan"};
    private static final String[] HAM_WORDS = {"meeting", "patch", "kernel", "review", "agenda", "build", "release", "thanks"};

    private SyntheticCorpus() {
    }

    public static Path write(Path dir, int perClass) throws IOException {
        Files.createDirectories(dir.resolve("spam"));
        Files.createDirectories(dir.resolve("ham"));
        StringBuilder mbox = new StringBuilder();
        for (int i = 0; i < perClass; i++) {
            Files.writeString(dir.resolve("spam/" + i + ".eml"), message("s" + i, SPAM_WORDS, i, "Click here to claim your FREE offer!!!"),
                    StandardCharsets.US_ASCII);
            Files.writeString(dir.resolve("ham/" + i + ".eml"), message("h" + i, HAM_WORDS, i, "See you at the meeting."),
                    StandardCharsets.US_ASCII);
            mbox.append("From list@example.org Mon Jan  7 10:00:0").append(i % 10).append(" 2002\n")
                    .append(message("m" + i, HAM_WORDS, i + 3, "Another note.")).append('\n');
        }
        Files.writeString(dir.resolve("ham.mbox"), mbox, StandardCharsets.US_ASCII);
        return dir;
    }

    private static String message(String id, String[] words, int i, String line) {
        StringBuilder body = new StringBuilder();
        for (int k = 0; k < 12; k++) {
            body.append(words[(i + k) % words.length]).append(k % 5 == 4 ? "\n" : " ");
        }
        return "Message-ID: <" + id + "@example.org>\nFrom: someone" + i + "@example.org\nTo: you@example.net\n"
                + "Date: Mon, 7 Jan 2002 10:00:00 +0000\nSubject: " + words[i % words.length] + " " + words[(i + 3) % words.length]
                + "\n\n" + body + "\n" + line + "\n";
    }
}
