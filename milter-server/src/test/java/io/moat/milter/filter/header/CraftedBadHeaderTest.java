// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.header;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Scorer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The crafted messages under test-corpus/crafted/bad-header end in the class test-corpus/expected.csv names. */
class CraftedBadHeaderTest {
    private static final Path CORPUS = Path.of("..", "test-corpus");

    static Stream<Arguments> expected() throws IOException {
        List<String> lines = Files.readAllLines(CORPUS.resolve("expected.csv"));
        return lines.stream().skip(1).filter(l -> l.startsWith("crafted/bad-header/"))
                .map(l -> l.split(",")).map(p -> Arguments.of(p[0], p[1]));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("expected")
    void craftedMessageEndsInItsExpectedClass(String path, String expectedClass) throws IOException {
        MessageHeaders headers = MessageFile.read(CORPUS.resolve(path));
        Classification c = new Scorer(5.0).decide(HeaderCheckFilter.standard().check(headers)).classification();
        assertThat(c.label()).isEqualTo(expectedClass);
    }
}
