package org.saferkent.commissioning.performance.application;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.saferkent.commissioning.activity.application.FactKind;
import org.saferkent.commissioning.activity.application.ProjectionVersions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The collections of each version of the projection (facts, performance, contract marks, day buckets), and what
 * a rebuild that died leaves behind: a {@code building} pointer live writers still follow, and
 * half-built collections. Clearing those is for a holder of the performance lease only: a rebuild
 * holds it (renewed) from start to swap, so while someone else holds it no rebuild is alive.
 */
final class ProjectionCollections {

    private static final Logger log = LoggerFactory.getLogger(ProjectionCollections.class);
    private static final Pattern VERSIONED = Pattern.compile("(.+)_v(\\d+)");

    private final MongoTemplate mongo;
    private final ProjectionVersions versions;

    ProjectionCollections(MongoTemplate mongo, ProjectionVersions versions) {
        this.mongo = mongo;
        this.versions = versions;
    }

    static List<String> names(int version) {
        List<String> names = new ArrayList<>();
        for (FactKind kind : FactKind.values()) {
            names.add(kind.collection(version));
        }
        names.add(PerformanceStore.collection(version));
        names.add(PerformanceStore.marksCollection(version));
        names.add(DayBuckets.collection(version));
        return names;
    }

    /** Drops the version's collections that exist (dropping a missing one is an error on some stores' logs). */
    void drop(int version) {
        Set<String> existing = new HashSet<>();
        mongo.getCollectionNames().forEach(existing::add);
        names(version).stream().filter(existing::contains).forEach(name -> mongo.getCollection(name).drop());
    }

    /** The versions some collection of which exists. */
    SortedSet<Integer> present() {
        Set<String> bases = new HashSet<>(names(0));
        SortedSet<Integer> present = new TreeSet<>();
        for (String name : mongo.getCollectionNames()) {
            Matcher versioned = VERSIONED.matcher(name);
            if (versioned.matches() && bases.contains(versioned.group(1))) {
                present.add(Integer.parseInt(versioned.group(2)));
            } else if (bases.contains(name)) {
                present.add(0);
            }
        }
        return present;
    }

    /**
     * Clears the {@code building} pointer of a rebuild that is no longer alive, so live writers stop
     * writing to its version, and drops that version. Only for a holder of the lease.
     *
     * @return the version cleared, or null if none was named
     */
    Integer clearDeadBuild(ProjectionVersions.Pointer pointer) {
        Integer building = pointer.building();
        if (building == null || building == pointer.current()) {
            return null;
        }
        if (versions.abandon(building)) {
            log.warn("A rebuild of version {} died (its lease ran out): live writes to it stop and its collections are dropped",
                    building);
        }
        if (building > pointer.current()) {
            drop(building);
        }
        return building;
    }

    /** Drops every version above the current one: all half-built, by rebuilds that died. Only for a holder of the lease. */
    void dropAbove(int current) {
        for (int version : present().tailSet(current + 1)) {
            log.warn("Dropping version {} of the projection, left half-built by a rebuild that died", version);
            drop(version);
        }
    }

    /** Drops every version below {@code kept}: a rebuild keeps the one it replaced, and no older one. */
    void dropBelow(int kept) {
        for (int version : present().headSet(kept)) {
            drop(version);
        }
    }
}
