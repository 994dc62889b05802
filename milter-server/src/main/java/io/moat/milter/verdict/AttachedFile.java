// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A part or archive entry the content walk looked at, as a fact for policy: where it sits, its
 * file name, and its detected type followed by that type's aliases and supertypes (most specific
 * first), so a banned-types list can be checked without the type registry.
 *
 * @param location e.g. {@code part 2 (a.zip) / b.exe}
 * @param filename its name from the MIME headers or the archive, if any
 * @param typeLineage the detected type first, e.g. {@code [application/x-msdownload, application/x-dosexec, ...]}
 */
public record AttachedFile(String location, @Nullable String filename, List<String> typeLineage) {
    /** The symbol of the finding that carries one of these through the pipeline. */
    public static final String SYMBOL = "ATTACHMENT";

    public AttachedFile {
        typeLineage = List.copyOf(typeLineage);
        if (typeLineage.isEmpty()) {
            throw new IllegalArgumentException("an attached file needs at least its detected type");
        }
    }

    public String detectedType() {
        return typeLineage.getFirst();
    }

    /** The finding that reports this file: weight 0, no class of its own. */
    public Finding finding() {
        return new Finding(SYMBOL, 0, location + ": " + detectedType(), null, this);
    }
}
