package org.saferkent.ops.picture;

import java.time.Clock;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.saferkent.platform.events.CloudEventHeaders;
import org.saferkent.platform.messaging.DeadLetterHeaders;
import org.saferkent.platform.messaging.InboundEvent;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The latest operational events and dead letters. Each is stored under an id that derives from the
 * record itself (event id; topic-partition-offset), so a redelivery is recognised and ignored.
 */
public class OperationalPicture {

    static final String EVENTS = "ops_events";
    static final String DEAD_LETTERS = "dead_letters";

    private final MongoTemplate mongo;
    private final Clock clock;

    public OperationalPicture(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @SuppressWarnings({"rawtypes", "unchecked"})
    public void record(InboundEvent<Map> event) {
        insertOnce(new OpsEventRecord(event.id(), event.type(), event.metadata().source(), event.metadata().subject(),
                event.metadata().time(), (Map<String, Object>) event.payload()), EVENTS);
    }

    public void deadLettered(ConsumerRecord<?, ?> record) {
        String id = record.topic() + "-" + record.partition() + "-" + record.offset();
        insertOnce(new DeadLetter(id, record.topic(), record.partition(), record.offset(),
                header(record, DeadLetterHeaders.ORIGINAL_TOPIC), header(record, DeadLetterHeaders.GROUP),
                header(record, DeadLetterHeaders.SERVICE), header(record, DeadLetterHeaders.FAILURE),
                header(record, DeadLetterHeaders.REASON), header(record, CloudEventHeaders.TYPE),
                header(record, CloudEventHeaders.ID), header(record, DeadLetterHeaders.FAILED_AT), clock.instant()),
                DEAD_LETTERS);
    }

    public List<OpsEventRecord> latestEvents(int limit, String type) {
        Query query = new Query().with(Sort.by(Sort.Direction.DESC, "time")).limit(limit);
        if (type != null) {
            query.addCriteria(Criteria.where("type").is(type));
        }
        return mongo.find(query, OpsEventRecord.class, EVENTS);
    }

    public List<DeadLetter> latestDeadLetters(int limit) {
        return mongo.find(new Query().with(Sort.by(Sort.Direction.DESC, "seenAt")).limit(limit), DeadLetter.class, DEAD_LETTERS);
    }

    private void insertOnce(Object document, String collection) {
        try {
            mongo.insert(document, collection);
        } catch (DuplicateKeyException seenBefore) {
            // redelivered: already recorded
        }
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        return CloudEventHeaders.get(record.headers(), name);
    }
}
