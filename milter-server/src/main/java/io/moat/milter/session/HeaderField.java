// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.session;

/** One header field as the MTA passed it; the value has no leading space and may be folded. */
public record HeaderField(String name, String value) {
    /** The bytes this field takes in the message: {@code name: value CRLF}. */
    public long wireLength() {
        return name.length() + 2L + value.length() + 2L;
    }
}
