// SPDX-License-Identifier: Apache-2.0
package io.moat.milter.verdict;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Banned types and antivirus fail-open decided per recipient: each recipient's own list judges
 * the files the content walk reported, and an unscanned message goes only where everyone agreed.
 */
class PerRecipientContentPolicyTest {
    private static final AttachedFile EXE = new AttachedFile("part 2 (tool.exe)", "tool.exe",
            List.of("application/x-msdownload", "application/x-dosexec", "application/octet-stream"));
    private static final AttachedFile PDF = new AttachedFile("part 3 (report.pdf)", "report.pdf",
            List.of("application/pdf", "application/octet-stream"));
    private static final RecipientPolicy BASE = RecipientPolicy.of(5.0, new ActionPolicy(Map.of()));

    /** What the pipeline hands the scorer: the walk's findings under the global list, and the facts. */
    private static Decision scored(AttachedFile... files) {
        List<AttachedFile> all = List.of(files);
        List<Finding> findings = new java.util.ArrayList<>(BannedTypes.DEFAULTS.findings(all));
        all.forEach(f -> findings.add(f.finding()));
        return new Scorer(5.0).decide(findings);
    }

    private static RecipientPolicy domain(Optional<Boolean> failOpen, Set<String> types, Set<String> exts, boolean replace) {
        DomainOverrides o = new DomainOverrides(failOpen,
                types.isEmpty() && exts.isEmpty() ? Optional.empty() : Optional.of(new BannedTypes(types, exts)), replace);
        return o.applyTo(BASE, BannedTypes.DEFAULTS);
    }

    @Test
    void theScorerSetsAttachedFilesApartFromTheFindings() {
        Decision d = scored(EXE, PDF);

        assertThat(d.files()).containsExactly(EXE, PDF);
        assertThat(d.findings()).extracting(Finding::symbol).containsExactlyInAnyOrder("BANNED_TYPE", "BANNED_NAME");
        assertThat(d.classification()).isEqualTo(Classification.BANNED);
    }

    @Test
    void aRecipientWithoutAListOfItsOwnKeepsTheGlobalJudgement() {
        assertThat(BASE.classify(scored(EXE))).isEqualTo(Classification.BANNED);
        assertThat(BASE.classify(scored(PDF))).isEqualTo(Classification.CLEAN);
    }

    @Test
    void aDomainAddingAnExtensionBansItForItsRecipientsOnly() {
        RecipientPolicy strict = domain(Optional.empty(), Set.of(), Set.of("pdf"), false);
        Decision d = scored(PDF);

        assertThat(strict.classify(d)).isEqualTo(Classification.BANNED);
        assertThat(strict.actionFor(d)).isEqualTo(Action.REJECT);
        assertThat(strict.decisionFor(d).findings()).containsExactly(
                new Finding("BANNED_NAME", 0, "part 3 (report.pdf): .pdf", Classification.BANNED));
        assertThat(BASE.classify(d)).isEqualTo(Classification.CLEAN);
        assertThat(BASE.actionFor(d)).isEqualTo(Action.DELIVER);
        // Adding keeps the global list: an executable is still banned there.
        assertThat(strict.classify(scored(EXE))).isEqualTo(Classification.BANNED);
    }

    @Test
    void aDomainReplacingTheListCanAllowWhatTheGlobalListBans() {
        RecipientPolicy lenient = domain(Optional.empty(), Set.of(), Set.of(), true);
        Decision d = scored(EXE);

        assertThat(lenient.classify(d)).isEqualTo(Classification.CLEAN);
        assertThat(lenient.decisionFor(d).findings()).isEmpty();
        assertThat(BASE.classify(d)).isEqualTo(Classification.BANNED);
    }

    @Test
    void aBannedTypeBansItsSpecialisationsThroughTheLineage() {
        RecipientPolicy onlyDosExec = domain(Optional.empty(), Set.of("application/x-dosexec"), Set.of(), true);
        AttachedFile renamed = new AttachedFile("part 2 (invoice.pdf)", "invoice.pdf", EXE.typeLineage());

        assertThat(onlyDosExec.decisionFor(scored(renamed)).findings()).containsExactly(
                new Finding("BANNED_TYPE", 0, "part 2 (invoice.pdf): application/x-msdownload", Classification.BANNED));
    }

    @Test
    void bannedOutranksSpamAndVirusOutranksBannedPerRecipient() {
        RecipientPolicy strict = domain(Optional.empty(), Set.of(), Set.of("pdf"), false);
        List<Finding> spamAndPdf = new java.util.ArrayList<>(List.of(Finding.of("GTUBE", 100, ""), PDF.finding()));
        Decision spam = new Scorer(5.0).decide(spamAndPdf);
        spamAndPdf.add(new Finding("AV_INFECTED", 0, "Eicar", Classification.VIRUS));
        Decision virus = new Scorer(5.0).decide(spamAndPdf);

        assertThat(strict.classify(spam)).isEqualTo(Classification.BANNED);
        assertThat(BASE.classify(spam)).isEqualTo(Classification.SPAM);
        assertThat(strict.classify(virus)).isEqualTo(Classification.VIRUS);
    }

    @Test
    void anUnscannedMessageMayGoOnlyWhenEveryRecipientChoseFailOpen() {
        RecipientPolicy open = domain(Optional.of(true), Set.of(), Set.of(), false);
        RecipientPolicy closed = domain(Optional.of(false), Set.of(), Set.of(), false);
        Map<String, RecipientPolicy> byRcpt = Map.of("a@open.example", open, "b@open.example", open,
                "c@closed.example", closed, "d@lists.example", RecipientPolicy.PASS_THROUGH);
        PolicySource source = r -> byRcpt.getOrDefault(r, BASE);

        assertThat(source.mayDeliverUnscanned(List.of("a@open.example", "b@open.example"))).isTrue();
        assertThat(source.mayDeliverUnscanned(List.of("a@open.example", "d@lists.example"))).isTrue();
        assertThat(source.mayDeliverUnscanned(List.of("a@open.example", "c@closed.example"))).isFalse();
        assertThat(source.mayDeliverUnscanned(List.of("a@open.example", "x@default.example"))).isFalse();
        assertThat(source.mayDeliverUnscanned(List.of())).isFalse();
        assertThat(PolicySource.fixed(open).mayDeliverUnscanned(List.of())).isTrue();
    }

    @Test
    void aDomainsFailOpenOverridesTheGlobalOneBothWays() {
        RecipientPolicy globallyOpen = BASE.withAntivirusFailOpen(true);

        assertThat(new DomainOverrides(Optional.of(false), Optional.empty(), false).applyTo(globallyOpen, BannedTypes.DEFAULTS)
                .antivirusFailOpen()).isFalse();
        assertThat(DomainOverrides.NONE.applyTo(globallyOpen, BannedTypes.DEFAULTS).antivirusFailOpen()).isTrue();
        assertThat(new DomainOverrides(Optional.of(true), Optional.empty(), false).applyTo(BASE, BannedTypes.DEFAULTS)
                .antivirusFailOpen()).isTrue();
    }
}
