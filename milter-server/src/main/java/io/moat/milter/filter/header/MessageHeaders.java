// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import io.moat.milter.session.HeaderField;
import io.moat.milter.session.ReversePath;
import java.util.List;

/** The header fields of one message as the MTA passed them, with its envelope sender. */
public record MessageHeaders(List<HeaderField> fields, ReversePath envelopeSender) {
    public MessageHeaders {
        fields = List.copyOf(fields);
    }

    public List<String> values(String name) {
        return fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).map(HeaderField::value).toList();
    }

    public int count(String name) {
        return (int) fields.stream().filter(f -> f.name().equalsIgnoreCase(name)).count();
    }
}
