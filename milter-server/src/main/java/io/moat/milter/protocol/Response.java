// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.protocol;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the milter answers: one record per {@code SMFIR_*} reply. Constructors validate what
 * Postfix would otherwise mis-handle (CR/LF in texts, bad header names, non-4xx/5xx codes).
 */
public sealed interface Response {

    ResponseCode code();

    /** Whether this reply ends the MTA's wait for the current command. */
    default boolean terminal() {
        return code().terminal();
    }

    /** The negotiation answer, with optional per-stage macro lists (SETSYMLIST). */
    record OptionsReply(int version, int actions, int protocol, Map<MacroStage, String> macroLists)
            implements Response {
        public OptionsReply {
            java.util.EnumMap<MacroStage, String> copy = new java.util.EnumMap<>(MacroStage.class);
            copy.putAll(macroLists);
            macroLists = java.util.Collections.unmodifiableMap(copy);
            macroLists.values().forEach(v -> HeaderText.requireNoControls(v, "macro list"));
        }

        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIC_OPTNEG;
        }
    }

    record Accept() implements Response {
        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_ACCEPT;
        }
    }

    record Continue() implements Response {
        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_CONTINUE;
        }
    }

    record Discard() implements Response {
        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_DISCARD;
        }
    }

    record Reject() implements Response {
        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_REJECT;
        }
    }

    record TempFail() implements Response {
        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_TEMPFAIL;
        }
    }

    record Skip() implements Response {
        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_SKIP;
        }
    }

    record Progress() implements Response {
        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_PROGRESS;
        }
    }

    record Shutdown() implements Response {
        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_SHUTDOWN;
        }
    }

    record ConnFail() implements Response {
        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_CONN_FAIL;
        }
    }

    /**
     * {@code SMFIR_REPLYCODE}: a full SMTP reply, e.g. {@code 550 5.7.1 Message rejected}. The
     * text is one line; a lone {@code %} is doubled because Postfix treats it as a format escape.
     */
    record ReplyCode(String reply) implements Response {
        public ReplyCode {
            reply = SmtpReplyText.validate(reply);
        }

        public static ReplyCode of(int code, String enhanced, String text) {
            return new ReplyCode(SmtpReplyText.format(code, enhanced, text));
        }

        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_REPLYCODE;
        }
    }

    /** {@code SMFIR_ADDHEADER}: append a header field. */
    record AddHeader(String name, String value) implements Response {
        public AddHeader {
            HeaderText.requireName(name);
            HeaderText.requireValue(value);
        }

        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_ADDHEADER;
        }
    }

    /** {@code SMFIR_INSHEADER}: insert a header field at {@code index} (0 = before Postfix's Received). */
    record InsertHeader(int index, String name, String value) implements Response {
        public InsertHeader {
            if (index < 0) {
                throw new IllegalArgumentException("header index must not be negative: " + index);
            }
            HeaderText.requireName(name);
            HeaderText.requireValue(value);
        }

        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_INSHEADER;
        }
    }

    /** {@code SMFIR_CHGHEADER}: change the index-th (1-based) field of that name; empty value deletes. */
    record ChangeHeader(int index, String name, String value) implements Response {
        public ChangeHeader {
            if (index < 1) {
                throw new IllegalArgumentException("header index is 1-based: " + index);
            }
            HeaderText.requireName(name);
            HeaderText.requireValue(value);
        }

        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_CHGHEADER;
        }
    }

    /** {@code SMFIR_REPLBODY}: one chunk of the replacement body. */
    record ReplaceBody(byte[] chunk) implements Response {
        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_REPLBODY;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ReplaceBody r && Arrays.equals(r.chunk, chunk);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(chunk);
        }

        @Override
        public String toString() {
            return "ReplaceBody[" + chunk.length + " bytes]";
        }
    }

    record AddRecipient(String recipient) implements Response {
        public AddRecipient {
            HeaderText.requireNoControls(recipient, "recipient");
        }

        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_ADDRCPT;
        }
    }

    /** {@code SMFIR_ADDRCPT_PAR}: add a recipient with ESMTP arguments (Postfix honours NOTIFY, ORCPT). */
    record AddRecipientPar(String recipient, List<String> esmtpArgs) implements Response {
        public AddRecipientPar {
            HeaderText.requireNoControls(recipient, "recipient");
            esmtpArgs = List.copyOf(esmtpArgs);
            esmtpArgs.forEach(a -> HeaderText.requireNoControls(a, "ESMTP argument"));
        }

        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_ADDRCPT_PAR;
        }
    }

    record DeleteRecipient(String recipient) implements Response {
        public DeleteRecipient {
            HeaderText.requireNoControls(recipient, "recipient");
        }

        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_DELRCPT;
        }
    }

    /** {@code SMFIR_CHGFROM}: replace the envelope sender (Postfix honours RET, ENVID). */
    record ChangeFrom(String sender, List<String> esmtpArgs) implements Response {
        public ChangeFrom {
            HeaderText.requireNoControls(sender, "sender");
            esmtpArgs = List.copyOf(esmtpArgs);
            esmtpArgs.forEach(a -> HeaderText.requireNoControls(a, "ESMTP argument"));
        }

        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_CHGFROM;
        }
    }

    /** {@code SMFIR_QUARANTINE}: put the message on Postfix's hold queue with a reason. */
    record Quarantine(String reason) implements Response {
        public Quarantine {
            Objects.requireNonNull(reason);
            HeaderText.requireNoControls(reason, "quarantine reason");
        }

        @Override
        public ResponseCode code() {
            return ResponseCode.SMFIR_QUARANTINE;
        }
    }
}
