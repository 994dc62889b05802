// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.testkit;

import java.util.regex.Pattern;

/**
 * Test configs that exercise the protocol step by step pin {@code protocol.no-reply: none}, so
 * every step is answered as libmilter does; the default (no reply where a verdict can wait) has its
 * own tests (NoReplyTest) and runs under real Postfix in the e2e suite.
 */
public final class EveryStepAnswered {
    private static final Pattern PROTOCOL = Pattern.compile("(?m)^protocol:[ \\t]*\\n");

    private EveryStepAnswered() {
    }

    /** {@code yaml} with {@code protocol.no-reply: none} added unless it sets no-reply itself. */
    public static String pin(String yaml) {
        if (yaml.contains("no-reply:")) {
            return yaml;
        }
        if (PROTOCOL.matcher(yaml).find()) {
            return PROTOCOL.matcher(yaml).replaceFirst("protocol:\n  no-reply: none\n");
        }
        return "protocol:\n  no-reply: none\n" + yaml;
    }
}
