// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.pipeline;

/** The SMTP stages at which filters run, in order. */
public enum Stage {
    CONNECT,
    HELO,
    MAIL,
    RCPT,
    DATA,
    EOH,
    EOM
}
