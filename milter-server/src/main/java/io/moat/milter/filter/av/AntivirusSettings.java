// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.av;

import java.util.List;

/**
 * The antivirus layer as configured: which clamd engines (all must pass; none means the layer is
 * off), what is streamed to them, and what happens when they cannot answer.
 *
 * @param failOpen the default for every recipient whose domain does not choose: deliver unscanned (with an
 *     AV_UNAVAILABLE finding, counted) instead of tempfailing, when every recipient of the message agrees
 */
public record AntivirusSettings(
        List<ClamdEndpoint> engines, ScanMode mode, ClamdSettings clamd, boolean failOpen, TooLarge onTooLarge) {

    /** What is sent to clamd. */
    public enum ScanMode {
        /** The message as received, headers and raw body: clamd decodes MIME itself. One stream. */
        MESSAGE,
        /** Every decoded leaf part as its own stream (base64 and quoted-printable undone by us). */
        PARTS
    }

    /** What a part larger than the stream limit gets. */
    public enum TooLarge {
        /** Delivered under the UNCHECKED class (X-Moat-Unchecked), finding AV_TOO_LARGE. */
        UNCHECKED,
        /** Refused for now with 451 4.7.1. */
        TEMPFAIL
    }

    public static final AntivirusSettings OFF =
            new AntivirusSettings(List.of(), ScanMode.MESSAGE, ClamdSettings.DEFAULTS, false, TooLarge.UNCHECKED);

    public AntivirusSettings {
        engines = List.copyOf(engines);
    }

    public boolean enabled() {
        return !engines.isEmpty();
    }
}
