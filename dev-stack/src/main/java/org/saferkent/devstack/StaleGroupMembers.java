package org.saferkent.devstack;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.GroupListing;
import org.apache.kafka.clients.admin.ListGroupsOptions;
import org.apache.kafka.clients.admin.RemoveMembersFromConsumerGroupOptions;
import org.apache.kafka.common.GroupType;
import org.apache.kafka.common.KafkaFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes consumer-group members that a previous, killed launcher left behind.
 *
 * <p>A launcher that dies without closing its consumers (SIGKILL, a crash) leaves their memberships in
 * the broker's group metadata, which survives the broker's restart. The next run's consumers then wait
 * for those ghosts' sessions to expire (45 s by default) before they get any partition, and closing
 * them during that window hangs for the consumer close timeout. The broker belongs to this stack and
 * has only just started, so no live consumer can be a member yet: every member it remembers is stale.
 *
 * <p>The groups of earlier runs' live views (anonymous, one per start) are deleted: nothing reads them again.
 *
 * <p>Only classic-protocol groups (what Spring Kafka uses by default) can be emptied this way.
 */
final class StaleGroupMembers {

    private static final Logger log = LoggerFactory.getLogger(StaleGroupMembers.class);
    private static final long TIMEOUT_SECONDS = 15;
    private static final String ANONYMOUS = "anonymous.";

    private StaleGroupMembers() {
    }

    /** @return the number of groups that had stale members */
    static int evict(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.CLIENT_ID_CONFIG, "local-stack-group-cleanup"))) {
            List<String> groupIds = admin.listGroups(ListGroupsOptions.forConsumerGroups()
                            .withTypes(Set.of(GroupType.CLASSIC)))
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS)
                    .stream().map(GroupListing::groupId).toList();
            if (groupIds.isEmpty()) {
                return 0;
            }
            Map<String, ConsumerGroupDescription> groups = new java.util.HashMap<>(admin.describeConsumerGroups(groupIds)
                    .all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS));
            // A binding without a group (a live view: every instance reads everything) joins a group of its
            // own, "anonymous.<uuid>", new at each start. The previous runs' ones are never read again, yet
            // keep their offsets, and their lag grows with every record on the topics they read.
            List<String> leftBehind = groupIds.stream().filter(id -> id.startsWith(ANONYMOUS)).toList();
            int deleted = 0;
            for (String id : leftBehind) {
                groups.remove(id);
                try {
                    admin.deleteConsumerGroups(List.of(id)).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                    deleted++;
                } catch (java.util.concurrent.ExecutionException e) {
                    // a tidy-up only: one a killed launcher left with members goes at a later start
                    log.info("Consumer group {} of an earlier run's live view not deleted yet: {}", id, e.getCause().toString());
                }
            }
            if (deleted > 0) {
                log.info("Deleted {} consumer group(s) of earlier runs' live views (anonymous, never read again)", deleted);
            }
            // Every group's removal asked at once, then each awaited: one round trip for all, not one per group
            // (about a second less on each start after a kill, with a dozen groups).
            Map<ConsumerGroupDescription, KafkaFuture<Void>> removals = new java.util.LinkedHashMap<>();
            for (ConsumerGroupDescription group : groups.values()) {
                if (!group.members().isEmpty()) {
                    // No member list: remove every member (KIP-571).
                    removals.put(group, admin.removeMembersFromConsumerGroup(group.groupId(),
                            new RemoveMembersFromConsumerGroupOptions()).all());
                }
            }
            for (Map.Entry<ConsumerGroupDescription, KafkaFuture<Void>> removal : removals.entrySet()) {
                removal.getValue().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
                log.info("Removed {} stale member(s) of consumer group {} (left by a launcher that was killed)",
                        removal.getKey().members().size(), removal.getKey().groupId());
            }
            return removals.size();
        }
    }
}
