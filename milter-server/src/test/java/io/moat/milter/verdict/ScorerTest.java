// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Findings add up to a score and a class; only the policy turns a class into an action. */
class ScorerTest {
    private final Scorer scorer = new Scorer(5.0);

    @Test
    void noFindingsIsCleanWithScoreZero() {
        Decision d = scorer.decide(List.of());

        assertThat(d.classification()).isEqualTo(Classification.CLEAN);
        assertThat(d.score()).isZero();
    }

    @Test
    void scoreAtTheThresholdIsSpamAndJustBelowIsClean() {
        assertThat(scorer.decide(List.of(Finding.of("A", 2.5, ""), Finding.of("B", 2.5, ""))).classification())
                .isEqualTo(Classification.SPAM);
        assertThat(scorer.decide(List.of(Finding.of("A", 4.99, ""))).classification()).isEqualTo(Classification.CLEAN);
    }

    @Test
    void negativeWeightsLowerTheScore() {
        Decision d = scorer.decide(List.of(Finding.of("BAD", 6, ""), Finding.of("WHITELISTED", -3, "")));

        assertThat(d.score()).isEqualTo(3.0);
        assertThat(d.classification()).isEqualTo(Classification.CLEAN);
    }

    @Test
    void strongestImpliedClassWinsOverSpamScore() {
        Decision d = scorer.decide(List.of(new Finding("AV_INFECTED", 0, "Eicar", Classification.VIRUS),
                new Finding("GTUBE", 1000, "", Classification.SPAM),
                new Finding("SIZE_OVER_LIMIT", 0, "", Classification.OVERSIZED)));

        assertThat(d.classification()).isEqualTo(Classification.VIRUS);
        assertThat(d.findings()).hasSize(3);
    }

    @Test
    void scoreIsRoundedToHundredths() {
        assertThat(scorer.decide(List.of(Finding.of("A", 0.1, ""), Finding.of("B", 0.2, ""))).score()).isEqualTo(0.3);
    }

    @Test
    void findingSymbolsAreUpperSnakeAndWeightsFinite() {
        assertThatThrownBy(() -> Finding.of("lower_case", 1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Finding.of("9START", 1, "")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Finding.of("NAN", Double.NaN, "")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Finding.of("RBL_ZEN_SBL2", 1, "").symbol()).isEqualTo("RBL_ZEN_SBL2");
    }

    @Test
    void defaultPolicyRefusesHarmfulClassesAndDeliversTheRest() {
        ActionPolicy policy = new ActionPolicy(Map.of());

        assertThat(policy.verdictFor(new Decision(0, Classification.CLEAN, List.of()))).isEqualTo(Verdict.CONTINUE);
        assertThat(policy.verdictFor(new Decision(9, Classification.SPAM, List.of())))
                .isEqualTo(new Verdict.Reject(new SmtpReply(550, "5.7.1", "Message rejected as spam")));
        assertThat(policy.verdictFor(new Decision(0, Classification.OVERSIZED, List.of())))
                .isEqualTo(new Verdict.Reject(new SmtpReply(552, "5.3.4", "Message size exceeds fixed limit")));
        assertThat(policy.actionFor(Classification.BAD_HEADER)).isEqualTo(Action.DELIVER);
        assertThat(policy.actionFor(Classification.VIRUS)).isEqualTo(Action.REJECT);
    }

    @ParameterizedTest
    @EnumSource(Classification.class)
    void everyClassMapsToAVerdictForEveryAction(Classification c) {
        for (Action a : Action.values()) {
            Verdict v = new ActionPolicy(Map.of(c, a)).verdictFor(new Decision(7.5, c, List.of()));
            String expected = switch (a) {
                case DELIVER, TAG -> "deliver";
                case REJECT -> "reject";
                case TEMPFAIL -> "tempfail";
                case QUARANTINE -> "quarantine";
                case DROP -> "drop";
            };
            assertThat(v.action()).as(c + " -> " + a).isEqualTo(expected);
        }
    }

    @Test
    void labelsRoundTripForConfigAndLogs() {
        for (Classification c : Classification.values()) {
            assertThat(Classification.fromLabel(c.label())).isEqualTo(c);
        }
        assertThat(Classification.BAD_HEADER.label()).isEqualTo("bad-header");
        for (Action a : Action.values()) {
            assertThat(Action.fromLabel(a.label())).isEqualTo(a);
        }
    }

    @Test
    void smtpReplyMustBeFourOrFiveHundredWithAMatchingEnhancedCode() {
        assertThatThrownBy(() -> new SmtpReply(250, "2.0.0", "ok")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new SmtpReply(550, "4.7.1", "mismatch")).isInstanceOf(IllegalArgumentException.class);
        assertThat(SmtpReply.tempfail("later").toResponse().reply()).isEqualTo("451 4.7.1 later");
    }
}
