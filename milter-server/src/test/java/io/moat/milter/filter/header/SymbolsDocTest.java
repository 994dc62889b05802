// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** docs/symbols.md lists every header symbol with the weight and class the code gives it. */
class SymbolsDocTest {
    @Test
    void everyHeaderSymbolIsDocumentedWithItsWeightAndClass() throws IOException {
        String doc = Files.readString(Path.of("..", "docs", "symbols.md"));
        for (HeaderSymbol s : HeaderSymbol.values()) {
            String cls = s.implies() == null ? "—" : s.implies().label();
            assertThat(doc).as(s.name()).contains("| `" + s.name() + "` | " + s.weight() + " | " + cls + " |");
        }
    }
}
