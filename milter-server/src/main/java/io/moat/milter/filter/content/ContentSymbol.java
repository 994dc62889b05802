// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.content;

import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Finding;
import org.jspecify.annotations.Nullable;

/**
 * The findings of the content walk: stable names, the class each implies, and what they mean
 * (for docs/symbols.md). Weights are 0 where the class alone decides.
 */
public enum ContentSymbol {
    BANNED_TYPE(0, Classification.BANNED, "a part's true type, detected from its content, is banned"),
    BANNED_NAME(0, Classification.BANNED, "a part's file name ends in a banned extension"),
    ARCHIVE_BOMB(0, Classification.BANNED,
            "unpacking passed the expansion ratio or the expanded-bytes limit (zip bomb); the walk stopped"),
    MIME_TOO_DEEP(0, Classification.BANNED,
            "multiparts nested deeper than 64: made to make parsers and scanners give up (clamd does); the walk stopped"),
    CONTENT_TOO_DEEP(0, Classification.UNCHECKED, "archives or messages nested deeper than max-depth were not opened"),
    CONTENT_TOO_MANY_PARTS(0, Classification.UNCHECKED, "more parts and entries than max-parts; the rest was not looked at"),
    ARCHIVE_ENCRYPTED(0, Classification.UNCHECKED, "an archive entry is password-protected and could not be checked"),
    ARCHIVE_UNSUPPORTED(0, Classification.UNCHECKED, "an archive format or method Moat cannot open (rar, arj, ...)"),
    ARCHIVE_MALFORMED(0, Classification.UNCHECKED, "an archive is corrupt or truncated; what follows the damage was not checked"),
    ENCRYPTED_SMIME(0, Classification.UNCHECKED, "an S/MIME (PKCS #7) encrypted or opaque-signed part that cannot be scanned"),
    ENCRYPTED_PGP(0, Classification.UNCHECKED, "a PGP-encrypted part (PGP/MIME or inline) that cannot be scanned"),
    MIME_MALFORMED(1.0, Classification.BAD_HEADER, "the MIME structure is broken; it was read leniently");

    private final double weight;
    private final @Nullable Classification implies;
    private final String description;

    ContentSymbol(double weight, @Nullable Classification implies, String description) {
        this.weight = weight;
        this.implies = implies;
        this.description = description;
    }

    public Finding finding(String detail) {
        return new Finding(name(), weight, detail, implies);
    }

    public String description() {
        return description;
    }
}
