// SPDX-License-Identifier: Apache-2.0
package io.moat.cli.options;

import io.moat.store.AuditEntry;
import io.moat.store.Domain;
import io.moat.store.LogRow;
import io.moat.store.Mailbox;
import io.moat.store.QuarantinedMessage;
import io.moat.store.QuarantinedRecipient;
import io.moat.store.User;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** The JSON shape of each store value: field names are part of the CLI's contract. */
public final class Views {
    private Views() {
    }

    public static @Nullable String time(@Nullable Instant t) {
        return t == null ? null : t.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    public static Map<String, Object> quarantined(QuarantinedMessage m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", m.id());
        v.put("received", time(m.receivedAt()));
        v.put("queueId", m.queueId());
        v.put("sender", m.sender());
        v.put("recipients", m.recipients().stream().map(Views::recipient).toList());
        v.put("classification", m.classification().label());
        v.put("score", m.score());
        v.put("reason", m.reason());
        v.put("findings", m.findings());
        v.put("clientIp", m.clientIp());
        v.put("messageId", m.messageId());
        v.put("subject", m.subject());
        v.put("size", m.size());
        v.put("sha256", m.sha256());
        return v;
    }

    private static Map<String, Object> recipient(QuarantinedRecipient r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("address", r.address());
        v.put("released", r.released());
        v.put("releasedAt", time(r.releasedAt()));
        v.put("releasedBy", r.releasedBy());
        return v;
    }

    public static Map<String, Object> logRow(LogRow r) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", r.id());
        v.put("time", time(r.loggedAt()));
        v.put("host", r.host());
        v.put("queueId", r.queueId());
        v.put("messageId", r.messageId());
        v.put("sender", r.sender());
        v.put("recipient", r.recipient());
        v.put("destination", r.destination().label());
        v.put("classification", r.classification().label());
        v.put("score", r.score());
        v.put("size", r.size());
        v.put("relayIp", r.relayIp());
        v.put("subject", r.subject());
        v.put("detail", r.detail());
        v.put("quarantineId", r.quarantineId());
        return v;
    }

    public static Map<String, Object> domain(Domain d) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", d.name());
        v.put("relay", d.relay());
        v.put("passThrough", d.passThrough());
        v.put("quarantineRetentionDays", d.quarantineRetentionDays());
        return v;
    }

    public static Map<String, Object> mailbox(Mailbox m) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("address", m.address());
        v.put("name", m.name());
        return v;
    }

    public static Map<String, Object> user(User u) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", u.name());
        v.put("role", u.role().label());
        v.put("scopes", u.scopes());
        v.put("mustChangePassword", u.mustChangePassword());
        v.put("created", time(u.createdAt()));
        return v;
    }

    public static Map<String, Object> audit(AuditEntry a) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("id", a.id());
        v.put("time", time(a.at()));
        v.put("actor", a.actor());
        v.put("host", a.host());
        v.put("action", a.action());
        v.put("target", a.target());
        v.put("old", a.oldValue());
        v.put("new", a.newValue());
        return v;
    }

    public static String orDash(@Nullable Object o) {
        return o == null ? "-" : o.toString();
    }

    public static List<String> row(Object... cells) {
        return java.util.Arrays.stream(cells).map(Views::orDash).toList();
    }
}
