// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.moat.milter.verdict.Action;
import io.moat.milter.verdict.ActionPolicy;
import io.moat.milter.verdict.AttachedFile;
import io.moat.milter.verdict.BannedTypes;
import io.moat.milter.verdict.Classification;
import io.moat.milter.verdict.Decision;
import io.moat.milter.verdict.PolicySource;
import io.moat.milter.verdict.RecipientPolicy;
import io.moat.milter.verdict.Scorer;
import io.moat.milter.verdict.Verdict;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One message with an attachment one domain bans and another does not: each recipient gets its own action. */
class BannedPerRecipientPlanTest {
    private static final AttachedFile PDF = new AttachedFile("part 2 (report.pdf)", "report.pdf",
            List.of("application/pdf", "application/octet-stream"));

    private static RecipientPolicy policy(Action banned) {
        return RecipientPolicy.of(5.0, new ActionPolicy(Map.of(Classification.BANNED, banned)));
    }

    private static PolicySource twoDomains(Action strictAction) {
        RecipientPolicy strict = policy(strictAction).withBanned(BannedTypes.DEFAULTS.plus(new BannedTypes(Set.of(), Set.of("pdf"))));
        RecipientPolicy other = policy(Action.REJECT);
        return r -> r.endsWith("@strict.example") ? strict : other;
    }

    private static Decision pdfMessage() {
        return new Scorer(5.0).decide(List.of(PDF.finding()));
    }

    @Test
    void theRecipientWhoseDomainBansTheFileIsRemovedAndHeldTheOtherGetsIt() {
        DeliveryPlan plan = DeliveryPlan.decide(List.of("bob@other.example", "ann@strict.example"), pdfMessage(),
                twoDomains(Action.QUARANTINE), true);

        assertThat(plan.verdict()).isEqualTo(Verdict.CONTINUE);
        assertThat(plan.actions()).containsExactly(Map.entry("bob@other.example", Action.DELIVER),
                Map.entry("ann@strict.example", Action.QUARANTINE));
        assertThat(plan.removed()).containsExactly("ann@strict.example");
        assertThat(plan.held()).containsExactly("ann@strict.example");
        // The held copy is what it is for its recipient, whatever the first recipient's class.
        assertThat(plan.classification()).isEqualTo(Classification.BANNED);
    }

    @Test
    void aDroppingDomainIsRemovedWithoutACopy() {
        DeliveryPlan plan = DeliveryPlan.decide(List.of("bob@other.example", "ann@strict.example"), pdfMessage(),
                twoDomains(Action.DROP), true);

        assertThat(plan.removed()).containsExactly("ann@strict.example");
        assertThat(plan.held()).isEmpty();
        assertThat(plan.classification()).isEqualTo(Classification.BANNED);
    }

    @Test
    void whenOnlyTheBanningDomainIsAddressedTheWholeMessageGetsItsAction() {
        DeliveryPlan plan = DeliveryPlan.decide(List.of("ann@strict.example"), pdfMessage(), twoDomains(Action.REJECT), true);

        assertThat(plan.verdict()).isInstanceOfSatisfying(Verdict.Reject.class,
                r -> assertThat(r.reply().text()).contains("banned file type"));
        assertThat(plan.classification()).isEqualTo(Classification.BANNED);
    }

    @Test
    void withoutDelrcptAMixIsTempfailedNotDeliveredToTheBanningDomain() {
        DeliveryPlan plan = DeliveryPlan.decide(List.of("ann@strict.example", "bob@other.example"), pdfMessage(),
                twoDomains(Action.QUARANTINE), false);

        assertThat(plan.verdict()).isInstanceOf(Verdict.TempFail.class);
        assertThat(plan.removed()).isEmpty();
    }

    @Test
    void eachGroupOfRecipientsHasTheFindingsItsOwnPolicySaw() {
        Decision d = pdfMessage();
        DeliveryPlan plan = DeliveryPlan.decide(List.of("bob@other.example", "ann@strict.example"), d,
                twoDomains(Action.QUARANTINE), true);

        assertThat(plan.decisionFor(plan.held(), d).findings()).extracting(f -> f.symbol() + " " + f.detail())
                .containsExactly("BANNED_NAME part 2 (report.pdf): .pdf");
        assertThat(plan.decisionFor(plan.held(), d).classification()).isEqualTo(Classification.BANNED);
        assertThat(plan.decisionFor(List.of("bob@other.example"), d)).isSameAs(d);
    }
}
