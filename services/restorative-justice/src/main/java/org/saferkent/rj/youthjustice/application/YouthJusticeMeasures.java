package org.saferkent.rj.youthjustice.application;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.saferkent.rj.web.KentDate;
import org.saferkent.rj.youthjustice.domain.CohortMember;
import org.saferkent.rj.youthjustice.domain.FirstTimeEntrants;
import org.saferkent.rj.youthjustice.domain.OffendingHistory;
import org.saferkent.rj.youthjustice.domain.ProvenReoffending;
import org.saferkent.platform.workingdays.Quarter;
import org.saferkent.rj.youthjustice.domain.ReoffendingMeasure;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.index.IndexOperations;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/** The youth justice measures the PCC reports: first-time entrants and proven reoffending. */
public class YouthJusticeMeasures {

    /** First-time entrants in a quarter, for one district or all Kent (district null). */
    public record FirstTimeEntrantCount(String district, String quarter, long firstTimeEntrants, long population10to17,
            Double ratePer100k) {
    }

    public record FirstTimeEntrantReport(String district, String quarter, long firstTimeEntrants, long population10to17,
            Double ratePer100k, FirstTimeEntrantCount yearBefore, Double yearOnYearChangePercent,
            boolean populationIllustrative) {
    }

    /**
     * @param provisional true while some of the cohort's waiting periods have not ended: re-offences may still be proven
     * @param labels      what each rate of the three measures is, by its field name
     */
    public record ReoffendingReport(String quarter, String district, LocalDate latestProvenBy, boolean provisional,
            ReoffendingMeasure all, ReoffendingMeasure rjParticipants, ReoffendingMeasure others, Map<String, String> labels) {
    }

    private final MongoTemplate mongo;
    private final String collection;
    private final Map<String, Integer> populations;
    private final boolean populationIllustrative;
    private final RjParticipation participation;
    private final Clock clock;

    public YouthJusticeMeasures(MongoTemplate mongo, String collection, Map<String, Integer> populations,
            boolean populationIllustrative, RjParticipation participation, Clock clock) {
        this.mongo = mongo;
        this.collection = collection;
        this.populations = Map.copyOf(populations);
        this.populationIllustrative = populationIllustrative;
        this.participation = participation;
        this.clock = clock;
        IndexOperations indexes = mongo.indexOps(collection);
        indexes.createIndex(new Index().on("cohortQuarters", Sort.Direction.ASC)); // a quarter's reoffending cohort
        // a quarter's first-time entrants, all Kent or one district; sparse: a history with no first entry is not in it
        indexes.createIndex(new Index().on("firstTimeEntry.quarter", Sort.Direction.ASC)
                .on("firstTimeEntry.district", Sort.Direction.ASC).sparse());
    }

    /** Counts, rate per 100,000 aged 10–17, and the change on the same quarter a year before. */
    public FirstTimeEntrantReport firstTimeEntrants(String district, Quarter quarter) {
        FirstTimeEntrantCount now = count(district, quarter);
        FirstTimeEntrantCount before = count(district, quarter.yearBefore());
        return new FirstTimeEntrantReport(district, quarter.toString(), now.firstTimeEntrants(), now.population10to17(),
                now.ratePer100k(), before, FirstTimeEntrants.yearOnYearChangePercent(now.firstTimeEntrants(),
                        before.firstTimeEntrants()), populationIllustrative);
    }

    /** The quarter's cohort, split into those who took part in restorative justice as the offender and the others. */
    public ReoffendingReport reoffending(String district, Quarter quarter) {
        List<OffendingHistory> histories = mongo.find(Query.query(Criteria.where("cohortQuarters").is(quarter.toString())),
                OffendingHistory.class, collection);
        List<CohortMember> members = histories.stream().map(h -> h.cohortMember(quarter)).flatMap(Optional::stream)
                .filter(m -> district == null || district.equals(m.district())).toList();
        Set<String> tookPart = participation.offendersWhoTookPart(members.stream().map(CohortMember::pseudonym).toList());
        Map<Boolean, List<CohortMember>> split = members.stream()
                .collect(Collectors.partitioningBy(m -> tookPart.contains(m.pseudonym())));
        LocalDate latestProvenBy = ProvenReoffending.window(quarter.lastDay()).provenBy();
        boolean provisional = !KentDate.today(clock).isAfter(latestProvenBy);
        return new ReoffendingReport(quarter.toString(), district, latestProvenBy, provisional, ReoffendingMeasure.of(members),
                ReoffendingMeasure.of(split.get(true)), ReoffendingMeasure.of(split.get(false)), ReoffendingMeasure.LABELS);
    }

    private FirstTimeEntrantCount count(String district, Quarter quarter) {
        Criteria criteria = Criteria.where("firstTimeEntry.quarter").is(quarter.toString());
        if (district != null) {
            criteria = criteria.and("firstTimeEntry.district").is(district);
        }
        long entrants = mongo.count(Query.query(criteria), collection);
        long population = district == null ? populations.values().stream().mapToLong(Integer::longValue).sum()
                : populations.getOrDefault(district, 0);
        return new FirstTimeEntrantCount(district, quarter.toString(), entrants, population,
                FirstTimeEntrants.ratePer100k(entrants, population));
    }
}
