// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VirusRejectionTextTest {
    private static Finding virus(String signature) {
        return new Finding("AV_INFECTED", 0, signature, Classification.VIRUS);
    }

    @Test
    void aRejectedVirusNamesItsSignatureToTheSender() {
        SmtpReply reply = ActionPolicy.rejection(Classification.VIRUS,
                List.of(new Finding("SUBJECT_FREE", 0.5, "", null), virus("Win.Test.EICAR_HDB-1")));
        assertThat(reply.code()).isEqualTo(550);
        assertThat(reply.enhanced()).isEqualTo("5.7.1");
        assertThat(reply.text()).isEqualTo("Message rejected: it contains a virus (Win.Test.EICAR_HDB-1)");
    }

    @Test
    void theNameIsStrippedToSafeCharactersAndShortened() {
        SmtpReply reply = ActionPolicy.rejection(Classification.VIRUS, List.of(virus("Evil\r\n250 ok <script>" + "x".repeat(200))));
        assertThat(reply.text()).doesNotContain("\r", "\n", "<", " ok").startsWith("Message rejected: it contains a virus (Evil250okscript");
        assertThat(reply.text()).hasSize("Message rejected: it contains a virus ()".length() + 80);
    }

    @Test
    void otherClassesAndNamelessFindingsKeepThePlainText() {
        assertThat(ActionPolicy.rejection(Classification.VIRUS, List.of(virus("")))).isEqualTo(ActionPolicy.rejection(Classification.VIRUS));
        assertThat(ActionPolicy.rejection(Classification.SPAM, List.of(virus("X")))).isEqualTo(ActionPolicy.rejection(Classification.SPAM));
    }

    @Test
    void thePolicysRejectVerdictCarriesTheName() {
        ActionPolicy policy = new ActionPolicy(Map.of(Classification.VIRUS, Action.REJECT));
        Verdict v = policy.verdictFor(new Decision(0, Classification.VIRUS, List.of(virus("Custom.Sig-1"))));
        assertThat(v).isEqualTo(new Verdict.Reject(new SmtpReply(550, "5.7.1", "Message rejected: it contains a virus (Custom.Sig-1)")));
    }
}
