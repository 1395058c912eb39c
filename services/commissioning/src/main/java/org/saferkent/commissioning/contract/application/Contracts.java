package org.saferkent.commissioning.contract.application;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiFunction;

import org.bson.Document;
import org.saferkent.commissioning.contract.domain.Contract;
import org.saferkent.commissioning.contract.domain.ContractChange;
import org.saferkent.commissioning.contract.domain.ContractVariation;
import org.saferkent.commissioning.contract.domain.NewContract;
import org.saferkent.platform.outbox.AggregateStore;
import org.saferkent.platform.outbox.ConcurrentUpdateException;
import org.saferkent.platform.outbox.Loaded;
import org.springframework.data.mongodb.core.MongoTemplate;

/**
 * The PCC's office's contracts: registered, varied and ended through the contract itself, each change
 * stored with its events in one version-checked write (the outbox publishes them). A refused change
 * writes nothing.
 */
public class Contracts {

    private static final int ATTEMPTS = 5;

    private final AggregateStore<Contract> store;
    private final MongoTemplate mongo;
    private final Clock clock;

    public Contracts(AggregateStore<Contract> store, MongoTemplate mongo, Clock clock) {
        this.store = store;
        this.mongo = mongo;
        this.clock = clock;
    }

    public Loaded<Contract> register(NewContract terms) {
        String id = UUID.randomUUID().toString();
        ContractChange change = Contract.register(id, terms, clock.instant());
        store.insert(id, change.contract(), change.events());
        return new Loaded<>(change.contract(), 1);
    }

    public Loaded<Contract> vary(String id, ContractVariation variation) {
        return perform(id, (contract, now) -> contract.vary(variation, now));
    }

    public Loaded<Contract> end(String id, LocalDate endDate, String reason) {
        return perform(id, (contract, now) -> contract.end(endDate, reason, now));
    }

    public Optional<Loaded<Contract>> find(String id) {
        return store.find(id);
    }

    /** Every contract, in the order registered (without the outbox's bookkeeping, which the relay changes meanwhile). */
    public List<Loaded<Contract>> all() {
        return mongo.getCollection(store.collection()).find()
                .projection(new Document("pendingEvents", 0).append("appliedEvents", 0).append("relayLease", 0))
                .sort(new Document("registeredAt", 1).append("_id", 1))
                .map(doc -> new Loaded<>(mongo.getConverter().read(Contract.class, doc), ((Number) doc.get("version")).longValue()))
                .into(new ArrayList<>());
    }

    private Loaded<Contract> perform(String id, BiFunction<Contract, Instant, ContractChange> decision) {
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            Loaded<Contract> loaded = store.find(id).orElseThrow(() -> new ContractNotFoundException(id));
            ContractChange change = decision.apply(loaded.state(), clock.instant());
            try {
                store.update(id, loaded.version(), change.contract(), change.events());
                return new Loaded<>(change.contract(), loaded.version() + 1);
            } catch (ConcurrentUpdateException e) {
                // changed by another request meanwhile: decide again on the new terms
            }
        }
        throw new ConcurrentUpdateException(store.collection(), id, -1);
    }
}
