#!/bin/bash
# Creates every SaferKent topic, one SCRAM-SHA-512 principal per service (and one for the PCC's office, which
# reads its feed from outside) and the ACLs that let each service write only its own topics (plus ops.events and
# its own dead-letter topics) and read only what it consumes. Run once by the kafka-init container of docker-compose.yml (again is harmless: every step
# is idempotent). Passwords come from the environment, never from this file.
# platform/broker-security's ProductionAclsIT runs this script against a broker configured as compose's kafka
# service and checks every service's consumer bindings, catalogue topics and refusals under these ACLs.
set -euo pipefail

BOOTSTRAP="${KAFKA_ADMIN_BOOTSTRAP:-kafka:9091}"
# The same shape the services declare (saferkent.kafka.*): 1 replica locally, 3 replicas / 2 in sync in a cluster
PARTITIONS="${SAFERKENT_KAFKA_PARTITIONS:-3}"
REPLICATION="${SAFERKENT_KAFKA_REPLICATION_FACTOR:-1}"
MIN_INSYNC="${SAFERKENT_KAFKA_MIN_INSYNC_REPLICAS:-1}"
# the image's Kafka tools (platform/broker-security's test points this elsewhere to run the script against its broker)
BIN="${KAFKA_BIN:-/opt/kafka/bin}"
ADMIN_CONFIG="$(mktemp)"
trap 'rm -f "$ADMIN_CONFIG"' EXIT
chmod 600 "$ADMIN_CONFIG"
# SASL_SSL, trusting the local CA's certificates (docker/tls/make-certs.sh) as compose's kafka-init mounts them
cat > "$ADMIN_CONFIG" <<CONFIG
security.protocol=${KAFKA_ADMIN_SECURITY_PROTOCOL:-SASL_SSL}
ssl.truststore.type=PEM
ssl.truststore.location=${KAFKA_ADMIN_TRUSTSTORE:-/etc/saferkent/tls/ca.crt}
sasl.mechanism=PLAIN
sasl.jaas.config=org.apache.kafka.common.security.plain.PlainLoginModule required username="admin" password="${SASL_ADMIN_PASSWORD:?SASL_ADMIN_PASSWORD is not set}";
CONFIG

topic() { # name [extra kafka-topics options]
  "$BIN/kafka-topics.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --create --if-not-exists \
    --topic "$1" --partitions "$PARTITIONS" --replication-factor "$REPLICATION" \
    --config "min.insync.replicas=$MIN_INSYNC" "${@:2}" > /dev/null
}

principal() { # service password
  "$BIN/kafka-configs.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --alter \
    --entity-type users --entity-name "$1" --add-config "SCRAM-SHA-512=[iterations=8192,password=$2]" > /dev/null
}

acl() { # service, then kafka-acls options
  "$BIN/kafka-acls.sh" --bootstrap-server "$BOOTSTRAP" --command-config "$ADMIN_CONFIG" --add --force \
    --allow-principal "User:$1" "${@:2}" > /dev/null
}

# writes: its own topics and dead letters, and ops.events (topics are created here, but a service still
# declares its own at start-up, so it may create and describe them too)
writes() { # service topic...
  local service="$1"; shift
  for t in "$@"; do
    acl "$service" --operation Write --operation Describe --operation Create --operation DescribeConfigs --topic "$t"
  done
}

# reads: what it consumes, in consumer groups named after the service (and e.g. commissioning's rebuild)
reads() { # service topic...
  local service="$1"; shift
  for t in "$@"; do
    acl "$service" --operation Read --operation Describe --operation DescribeConfigs --topic "$t"
  done
  acl "$service" --operation Read --operation Describe --group "$service" --resource-pattern-type prefixed
}

dlq() { echo "$1.$2.dlq"; } # <topic>.<group>.dlq

REFERRALS=referrals.referral.events
SUBJECTS=referrals.subject.events
VICTIMS=victims.case.events
RJ=rj.case.events
DISPOSALS=rj.disposal.events
CONTRACTS=commissioning.contract.events
FEED=commissioning.feed
PCC_FEED=commissioning.pcc-feed
OPS=ops.events
PARTNERSHIP_DHR=partnership.dhr.events
PARTNERSHIP_ASB=partnership.asb-review.events
PARTNERSHIP_AGREEMENT=partnership.agreement.events

REFERRALS_DLQ=("$(dlq $VICTIMS referrals)" "$(dlq $RJ referrals)")
VICTIMS_DLQ=("$(dlq $REFERRALS victims)" "$(dlq $SUBJECTS victims)")
RJ_DLQ=("$(dlq $REFERRALS restorative-justice)" "$(dlq $SUBJECTS restorative-justice)" "$(dlq $VICTIMS restorative-justice)"
        "$(dlq $DISPOSALS restorative-justice)")
COMMISSIONING_DLQ=("$(dlq $REFERRALS commissioning)" "$(dlq $VICTIMS commissioning)" "$(dlq $RJ commissioning)"
                   "$(dlq $DISPOSALS commissioning)" "$(dlq $CONTRACTS commissioning)")
OPS_DLQ=("$(dlq $OPS ops-monitor)")
# the strategic assessment reads referrals as group partnership, the performance framework as partnership-framework;
# first-time entrants (RJ's disposals) as partnership-framework-fte
PARTNERSHIP_DLQ=("$(dlq $REFERRALS partnership)" "$(dlq $REFERRALS partnership-framework)" "$(dlq $VICTIMS partnership)"
                 "$(dlq $RJ partnership)" "$(dlq $DISPOSALS partnership-framework-fte)" "$(dlq $FEED partnership)")
ALL_DLQ=("${REFERRALS_DLQ[@]}" "${VICTIMS_DLQ[@]}" "${RJ_DLQ[@]}" "${COMMISSIONING_DLQ[@]}" "${OPS_DLQ[@]}" "${PARTNERSHIP_DLQ[@]}")

echo "kafka-init: topics"
# The events topics are the system of record (every rebuild and new consumer reads them from the
# start) and a dead letter waits for its replay: both kept for good. ops.events keeps the broker's default.
for t in $REFERRALS $SUBJECTS $VICTIMS $RJ $DISPOSALS $CONTRACTS $PARTNERSHIP_DHR $PARTNERSHIP_ASB $PARTNERSHIP_AGREEMENT "${ALL_DLQ[@]}"; do
  topic "$t" --config retention.ms=-1 --config retention.bytes=-1
done
topic "$OPS"
topic "$FEED" --config cleanup.policy=compact
topic "$PCC_FEED" --config cleanup.policy=compact

echo "kafka-init: principals (SCRAM-SHA-512)"
principal referrals "${KAFKA_REFERRALS_PASSWORD:?}"
principal victims "${KAFKA_VICTIMS_PASSWORD:?}"
principal restorative-justice "${KAFKA_RJ_PASSWORD:?}"
principal commissioning "${KAFKA_COMMISSIONING_PASSWORD:?}"
principal ops-monitor "${KAFKA_OPS_MONITOR_PASSWORD:?}"
principal partnership "${KAFKA_PARTNERSHIP_PASSWORD:?}"
principal pcc-office "${KAFKA_PCC_OFFICE_PASSWORD:?}"

echo "kafka-init: ACLs"
writes referrals $REFERRALS $SUBJECTS $OPS "${REFERRALS_DLQ[@]}"
reads referrals $VICTIMS $RJ

writes victims $VICTIMS $OPS "${VICTIMS_DLQ[@]}"
reads victims $REFERRALS $SUBJECTS

writes restorative-justice $RJ $DISPOSALS $OPS "${RJ_DLQ[@]}"
reads restorative-justice $REFERRALS $SUBJECTS $VICTIMS $DISPOSALS

writes commissioning $CONTRACTS $FEED $PCC_FEED $OPS "${COMMISSIONING_DLQ[@]}"
reads commissioning $REFERRALS $VICTIMS $RJ $DISPOSALS $CONTRACTS

# partnership: publishes its reviews' and agreement's events and ops.events (SLA breaches); the strategic
# assessment reads referrals; the performance framework referrals, victims' cases, RJ cases and RJ's disposals (first-time
# entrants); the Panel's view the PCC's feed
writes partnership $PARTNERSHIP_DHR $PARTNERSHIP_ASB $PARTNERSHIP_AGREEMENT $OPS "${PARTNERSHIP_DLQ[@]}"
reads partnership $REFERRALS $VICTIMS $RJ $DISPOSALS $FEED

# the PCC's office (outside the system): its own feed only, figures under disclosure control; commissioning.feed
# (exact) stays inside the partnership
reads pcc-office $PCC_FEED

# ops-monitor: reads ops.events and every dead letter; replays a dead letter to its source topic (so it
# may write the events topics, nothing else); describes every topic and group for the lag picture
writes ops-monitor $OPS "${OPS_DLQ[@]}"
reads ops-monitor $OPS "${ALL_DLQ[@]}"
for t in $REFERRALS $SUBJECTS $VICTIMS $RJ $DISPOSALS $CONTRACTS; do
  acl ops-monitor --operation Write --operation Describe --topic "$t"
done
acl ops-monitor --operation Describe --operation DescribeConfigs --topic '*'
acl ops-monitor --operation Describe --group '*'
# its live views (the stream to browsers) are anonymous bindings: every instance reads every partition
acl ops-monitor --operation Read --operation Describe --group anonymous. --resource-pattern-type prefixed
acl ops-monitor --operation Describe --cluster

echo "kafka-init: done"
