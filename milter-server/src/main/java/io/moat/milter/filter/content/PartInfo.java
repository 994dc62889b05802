// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import io.moat.milter.verdict.AttachedFile;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * One part or archive entry that was looked at.
 *
 * @param location where it sits, e.g. {@code part 2 (a.zip) / b.zip / c.exe}
 * @param filename its name from the MIME headers or the archive, if any
 * @param declaredType the type its MIME header claims ({@code -} inside archives)
 * @param detectedType the type Tika detects from its first bytes (and its name, where that only refines)
 * @param depth 0 for parts of the message, +1 for each archive or nested message around it
 * @param typeLineage the detected type, its aliases and supertypes, most specific first
 */
public record PartInfo(String location, @Nullable String filename, String declaredType, String detectedType, int depth,
        List<String> typeLineage) {
    public PartInfo {
        typeLineage = List.copyOf(typeLineage);
    }

    /** This part as a fact for recipients' policies. */
    public AttachedFile file() {
        return new AttachedFile(location, filename, typeLineage.isEmpty() ? List.of(detectedType) : typeLineage);
    }
}
