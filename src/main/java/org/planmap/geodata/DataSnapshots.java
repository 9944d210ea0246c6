package org.planmap.geodata;

import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeatureRepository;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanParseException;
import org.planmap.plan.PlanParser;
import org.planmap.plan.PlanTitles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the current {@link DataSnapshot}: the one place every reader takes the data from.
 *
 * <ul>
 * <li>{@link #current()}: the snapshot to read a whole request from.</li>
 * <li>{@link #write(Supplier)}: how every data write runs. The work and the {@code data_version} increment share
 *     one transaction; once it commits the snapshot is rebuilt, so the writer (and everyone after it) reads its
 *     own write.</li>
 * <li>{@link #refresh()}: rebuilds the snapshot from the database; {@link DataChanged} is published after the new
 *     snapshot is visible.</li>
 * <li>A poll ({@code planmap.data.poll-interval}, default 1 s) reads the counter and refreshes when another app
 *     instance on the same database has written.</li>
 * </ul>
 *
 * The first snapshot is built by {@link GeodataLoader} at start-up, before the web server opens its port.
 */
@Component
public class DataSnapshots implements SmartLifecycle {
    private static final Logger log = LoggerFactory.getLogger(DataSnapshots.class);

    private final CollectionRegistry registry;
    private final FeatureRepository features;
    private final CatalogueRepository catalogue;
    private final PlanSourceRepository planSources;
    private final DataVersionRepository versions;
    private final TransactionTemplate writeTx;
    private final TransactionTemplate readTx;
    private final ApplicationEventPublisher events;
    private final DataProperties properties;
    private volatile DataSnapshot current;
    private ScheduledExecutorService poller;

    DataSnapshots(CollectionRegistry registry, FeatureRepository features, CatalogueRepository catalogue,
                  PlanSourceRepository planSources, DataVersionRepository versions, PlatformTransactionManager transactions,
                  ApplicationEventPublisher events, DataProperties properties) {
        this.registry = registry;
        this.features = features;
        this.catalogue = catalogue;
        this.planSources = planSources;
        this.versions = versions;
        this.events = events;
        this.properties = properties;
        this.writeTx = new TransactionTemplate(transactions);
        this.readTx = new TransactionTemplate(transactions);
        // the version and the data it labels are read as of one moment
        readTx.setReadOnly(true);
        readTx.setIsolationLevel(TransactionDefinition.ISOLATION_REPEATABLE_READ);
    }

    /** The current snapshot. Take it once per request and read everything from it. */
    public DataSnapshot current() {
        DataSnapshot s = current;
        if (s == null) throw new IllegalStateException("No data snapshot yet: the geodata loader builds the first one at start-up");
        return s;
    }

    /** The current snapshot, or empty before the first one is built. */
    java.util.Optional<DataSnapshot> peek() {
        return java.util.Optional.ofNullable(current);
    }

    /**
     * Runs a data write: {@code work} and the {@code data_version} increment in one transaction (joining the
     * caller's, if one is active), then the snapshot rebuilt after the commit. When this returns outside a
     * transaction, {@link #current()} holds the write; other app instances see it within one poll interval.
     *
     * @return what {@code work} returned
     */
    public <T> T write(Supplier<T> work) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            T result = work.get();
            versions.bump();
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    refresh();
                }
            });
            return result;
        }
        T result = writeTx.execute(status -> {
            T r = work.get();
            versions.bump();
            return r;
        });
        refresh();
        return result;
    }

    /** Rebuilds the snapshot from the database and makes it current; then publishes {@link DataChanged}. */
    public synchronized DataSnapshot refresh() {
        long start = System.nanoTime();
        DataSnapshot previous = current;
        DataSnapshot next = readTx.execute(status -> read(previous));
        current = next;
        long millis = (System.nanoTime() - start) / 1_000_000;
        log.info("Data snapshot {} built in {} ms: {} features, {} catalogue items, {} plan links", next.version(), millis,
                next.features().size(), next.catalogue().size(), next.references().all().size());
        events.publishEvent(new DataChanged(previous, next));
        return next;
    }

    private DataSnapshot read(DataSnapshot previous) {
        // the counter first: the data read after it is at least as new, so a write in between costs one more
        // rebuild at the next poll and is never missed
        DataVersionRepository.Version version = versions.read();
        ParsedPlan plan = plan(previous);
        return DataSnapshot.of(version.number(), version.changedAt(), plan, registry, features.allByCollection(), catalogue.all());
    }

    /** The plan of the stored texts: the previous snapshot's when the texts are the same, else parsed now. */
    private ParsedPlan plan(DataSnapshot previous) {
        Map<String, String> shas = planSources.shas();
        if (previous != null && previous.planSources().equals(shas)) return previous.parsedPlan();
        Map<String, PlanSourceRepository.Stored> stored = planSources.all();
        PlanSourceRepository.Stored text = stored.get(GeodataLoader.PLAN_FILE);
        PlanSourceRepository.Stored titles = stored.get(GeodataLoader.TITLES_EN_FILE);
        if (text == null || titles == null) throw new IllegalStateException("The plan text is not in the database: load the geodata first");
        PlanDocument doc;
        try {
            doc = PlanParser.parse(text.text(), text.name());
        } catch (PlanParseException e) {
            throw new GeodataException(text.name(), e.getMessage(), e);
        }
        return new ParsedPlan(doc, PlanTitles.readEnglish(doc, titles.text()), shas);
    }

    /** Reads the counter and refreshes when another writer moved it. */
    void poll() {
        try {
            DataSnapshot s = current;
            if (s != null && versions.read().number() != s.version()) refreshIfBehind();
        } catch (RuntimeException e) {
            log.warn("Data snapshot poll failed, will try again: {}", e.toString());
        }
    }

    /** As {@link #refresh()}, unless a write of this instance refreshed while the poll waited for the lock. */
    private synchronized void refreshIfBehind() {
        if (versions.read().number() != current.version()) refresh();
    }

    @Override
    public synchronized void start() {
        if (poller != null || properties.pollInterval().isZero()) return;
        poller = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "data-snapshot-poll");
            t.setDaemon(true);
            return t;
        });
        long millis = properties.pollInterval().toMillis();
        poller.scheduleWithFixedDelay(this::poll, millis, millis, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void stop() {
        if (poller == null) return;
        poller.shutdownNow();
        poller = null;
    }

    @Override
    public synchronized boolean isRunning() {
        return poller != null;
    }
}
