package org.saferkent.simulator;

import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/** {@code simulator.sh}: posts Kent-shaped referrals to a running stack, then (optionally) works the cases. */
public final class SimulatorMain {

    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        SimulatorOptions options;
        try {
            options = SimulatorOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.print(SimulatorOptions.USAGE);
            return;
        }
        if (options.killEvery() > 0) {
            boolean clean;
            try {
                clean = new ChaosRun(options, java.nio.file.Path.of("").toAbsolutePath(), System.out).run();
            } catch (java.io.IOException | RuntimeException e) {
                System.err.println("Chaos run failed: " + e.getMessage());
                System.exit(2);
                return;
            }
            System.exit(clean ? 0 : 1);
            return;
        }
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).version(HttpClient.Version.HTTP_1_1).build();
        TokenSource tokens = TokenSource.fromEnvironment(options.issuer(), http);
        AgencyClient client = new AgencyClient(http, tokens, options.urls());
        ReferralGenerator generator = new ReferralGenerator(options.seed(), options.today(), options.referencePrefix());
        List<IntakeRun.Posted> created = new ArrayList<>();
        Iterator<SimulatedReferral> source = IntakeRun.endless(generator);
        IntakeRun.Summary summary;
        try (Progress progress = Progress.start("Posting referrals", options.count())) {
            summary = new IntakeRun(client, options.concurrency(), options.batch())
                    .run(source, options.count(), options.rate(), posted -> {
                        progress.done(IntakeRun.errorKind(posted), () -> IntakeRun.example(posted));
                        if (posted.created()) {
                            synchronized (created) {
                                created.add(posted);
                            }
                        }
                    });
        }
        System.out.printf("Posted %d referrals in %.1f s (%s): %d created, %d replayed, %d failed; %.1f created/s%n", summary.posted(),
                summary.elapsedNanos() / 1e9, tokens.secured() ? "with tokens" : "no identity server: without tokens",
                summary.created(), summary.replayed(), summary.failed(), summary.createdPerSecond());
        if (options.caseWork()) {
            caseWork(client, options, created);
        }
        System.exit(summary.failed() == 0 ? 0 : 1);
    }

    /**
     * Cases open a moment after their referral: keep trying the ones not found yet for up to a minute. The
     * partner teams answer the referrals routed to their pathways in their inboxes, in the same rounds.
     */
    private static void caseWork(AgencyClient client, SimulatorOptions options, List<IntakeRun.Posted> created) throws InterruptedException {
        CaseWork work = new CaseWork(client, options.seed(), options.today());
        PartnerTeams teams = new PartnerTeams(client, options.seed());
        List<IntakeRun.Posted> waiting = new ArrayList<>(created.stream()
                .filter(p -> p.referral().pathways().stream().anyMatch(w -> List.of("victim-support", "domestic-abuse", "restorative-justice").contains(w)))
                .toList());
        List<IntakeRun.Posted> toAnswer = new ArrayList<>(created.stream()
                .filter(p -> !PartnerTeams.partnerPathways(p.referral().pathways()).isEmpty()).toList());
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        int victimSteps = 0;
        int rjSteps = 0;
        int worked = 0;
        int answered = 0;
        int answers = 0;
        while ((!waiting.isEmpty() || !toAnswer.isEmpty()) && System.nanoTime() < deadline) {
            List<IntakeRun.Posted> notYet = new ArrayList<>();
            for (IntakeRun.Posted posted : waiting) {
                CaseWork.Steps steps = work.work(posted.referral(), posted.referralId());
                if (!steps.victimCaseFound() && !steps.rjCaseFound()) {
                    notYet.add(posted);
                } else {
                    worked++;
                    victimSteps += steps.victimSteps();
                    rjSteps += steps.rjSteps();
                }
            }
            waiting = notYet;
            List<IntakeRun.Posted> unanswered = new ArrayList<>();
            for (IntakeRun.Posted posted : toAnswer) {
                PartnerTeams.Round round = teams.answer(posted.referral(), posted.referralId());
                answers += round.answers();
                if (round.settled()) {
                    answered++;
                } else {
                    unanswered.add(posted);
                }
            }
            toAnswer = unanswered;
            if (!waiting.isEmpty() || !toAnswer.isEmpty()) {
                Thread.sleep(500); // the CLI waits for cases to open; tests never sleep
            }
        }
        System.out.printf("Case work: %d referrals' cases worked (%d victims' steps, %d RJ steps); %d without a case after a minute%n",
                worked, victimSteps, rjSteps, waiting.size());
        System.out.printf("Partner teams: %d referrals answered in their inboxes (%d acceptances, declines and closures); "
                + "%d not found or not taken after a minute%n", answered, answers, toAnswer.size());
    }
}
