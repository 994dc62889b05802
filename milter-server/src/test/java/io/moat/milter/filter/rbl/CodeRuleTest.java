// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.filter.rbl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.moat.milter.verdict.Finding;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CodeRuleTest {
    private static final CodeRule SBL = new CodeRule(new CodeRule.Exact(ReturnCodes.parse("127.0.0.2")), "RBL_ZEN_SBL", 4);
    private static final CodeRule PBL = new CodeRule(new CodeRule.Mask(0x0c), "RBL_ZEN_PBL", 1);

    @Test
    void exactRuleMatchesOnlyItsCode() {
        assertThat(SBL.matches(ReturnCodes.parse("127.0.0.2"))).isTrue();
        assertThat(SBL.matches(ReturnCodes.parse("127.0.0.3"))).isFalse();
    }

    @Test
    void maskRuleMatchesAnyCodeSharingABit() {
        assertThat(PBL.matches(ReturnCodes.parse("127.0.0.10"))).isTrue();
        assertThat(PBL.matches(ReturnCodes.parse("127.0.0.4"))).isTrue();
        assertThat(PBL.matches(ReturnCodes.parse("127.0.0.2"))).isFalse();
        assertThat(PBL.matches(ReturnCodes.parse("127.0.0.3"))).isFalse();
    }

    @Test
    void maskOfZeroIsRefused() {
        assertThatThrownBy(() -> new CodeRule.Mask(0)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void returnCodesRoundTripThroughTheirDottedForm() {
        assertThat(ReturnCodes.format(ReturnCodes.parse("127.255.255.254"))).isEqualTo("127.255.255.254");
        assertThat(ReturnCodes.isRefusalRange(ReturnCodes.parse("127.255.255.252"))).isTrue();
        assertThat(ReturnCodes.isRefusalRange(ReturnCodes.parse("127.0.0.2"))).isFalse();
        assertThatThrownBy(() -> ReturnCodes.parse("127.0.0.256")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ReturnCodes.parse("127.0.0")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unnamedCodeFallsBackToTheListSymbolAndWeight() {
        RblZone zen = new RblZone("ZEN", "zen.example", RblZone.Kind.IP, 2, false, List.of(SBL, PBL), Set.of());
        List<Finding> f = new ZoneAnswer(zen, "192.0.2.1",
                new RblAnswer.Listed(List.of(ReturnCodes.parse("127.0.0.2"), ReturnCodes.parse("127.0.0.10"),
                        ReturnCodes.parse("127.0.0.3")))).findings("");
        assertThat(f).extracting(Finding::symbol, Finding::weight).containsExactly(
                org.assertj.core.groups.Tuple.tuple("RBL_ZEN_SBL", 4.0),
                org.assertj.core.groups.Tuple.tuple("RBL_ZEN_PBL", 1.0),
                org.assertj.core.groups.Tuple.tuple("RBL_ZEN", 2.0));
    }

    @Test
    void allowListCannotReject() {
        assertThatThrownBy(() -> new RblZone("WL", "wl.example", RblZone.Kind.IP, -5, true, List.of(), Set.of()))
                .hasMessageContaining("allow-list");
    }
}
