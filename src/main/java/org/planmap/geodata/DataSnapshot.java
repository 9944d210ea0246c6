package org.planmap.geodata;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.locationtech.jts.geom.Envelope;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeatureRepository.CollectionStats;
import org.planmap.features.StoredFeature;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanIndex;

/**
 * All the data the app serves, as one immutable value: the plan (document and index), the features of every
 * collection, the project catalogue and the feature ↔ plan links of both kinds, at one {@link #version()} of the
 * database. Readers take the current snapshot from {@link DataSnapshots#current()} once per request and read
 * everything from it, so no request mixes two versions and no reader depends on the order in which others
 * refreshed.
 *
 * <p>Views derived from the data (a search corpus, a spatial index, the tours) are built once per snapshot, on
 * first use, with {@link #get(View)}; views of the plan alone ({@link #get(PlanView)}) are shared by every
 * snapshot with the same plan text, so a feature edit does not rebuild them. Neither may be mutated.
 */
public final class DataSnapshot {
    private final long version;
    private final Instant changedAt;
    /** {@link #tag()}, made once: every ETag of every request is built on it. */
    private final String tag;
    private final ParsedPlan plan;
    private final Map<String, List<StoredFeature>> byCollection;
    private final Map<String, StoredFeature> byId;
    private final List<StoredFeature> all;
    private final Map<String, CollectionStats> stats;
    private final List<CatalogueItem> catalogue;
    private final PlanReferences references;
    private final Views views = new Views();

    private DataSnapshot(long version, Instant changedAt, ParsedPlan plan, CollectionRegistry registry,
                         Map<String, List<StoredFeature>> byCollection, List<CatalogueItem> catalogue) {
        this.version = version;
        this.changedAt = changedAt.truncatedTo(ChronoUnit.SECONDS);
        this.tag = version + "-" + this.changedAt.getEpochSecond();
        this.plan = plan;
        this.byCollection = byCollection;
        this.catalogue = List.copyOf(catalogue);
        Map<String, StoredFeature> ids = new LinkedHashMap<>();
        List<StoredFeature> every = new ArrayList<>();
        Map<String, CollectionStats> counts = new LinkedHashMap<>();
        byCollection.forEach((collection, list) -> {
            Envelope extent = new Envelope();
            for (StoredFeature f : list) {
                ids.put(f.id(), f);
                every.add(f);
                extent.expandToInclude(f.envelope());
            }
            if (!list.isEmpty()) {
                counts.put(collection, new CollectionStats(list.size(),
                        new double[] {extent.getMinX(), extent.getMinY(), extent.getMaxX(), extent.getMaxY()}));
            }
        });
        this.byId = Collections.unmodifiableMap(ids);
        this.all = List.copyOf(every);
        this.stats = Collections.unmodifiableMap(counts);
        List<PlanRef> links = new ArrayList<>(PlanLinker.declaredKnown(plan.document(), every));
        links.addAll(PlanLinker.mentions(plan.document(), every, registry));
        this.references = new PlanReferences(plan.index(), links);
    }

    /**
     * A snapshot of the given data. {@code features} holds every collection of {@code registry} (a missing one is
     * empty) in the store's order; the links between plan and features are derived here.
     */
    static DataSnapshot of(long version, Instant changedAt, ParsedPlan plan, CollectionRegistry registry,
                           Map<String, List<StoredFeature>> features, List<CatalogueItem> catalogue) {
        Map<String, List<StoredFeature>> ordered = new LinkedHashMap<>();
        for (CollectionDef def : registry.all()) ordered.put(def.id(), List.copyOf(features.getOrDefault(def.id(), List.of())));
        return new DataSnapshot(version, changedAt, plan, registry, Collections.unmodifiableMap(ordered), catalogue);
    }

    /** A snapshot of data held in memory, e.g. for a test: version 0, English titles as given. */
    public static DataSnapshot of(PlanDocument plan, Map<String, String> titlesEn, List<StoredFeature> features,
                                  List<CatalogueItem> catalogue) {
        Map<String, List<StoredFeature>> byCollection = new LinkedHashMap<>();
        for (StoredFeature f : features) byCollection.computeIfAbsent(f.collection(), k -> new ArrayList<>()).add(f);
        return of(0, Instant.EPOCH, new ParsedPlan(plan, titlesEn, Map.of()), new CollectionRegistry(), byCollection, catalogue);
    }

    /** The {@code data_version} counter this snapshot was read at. */
    public long version() {
        return version;
    }

    /** When the data last changed (the counter last moved), to the second. */
    public Instant changedAt() {
        return changedAt;
    }

    /** A short text that differs between any two snapshots of any two databases: for ETags. */
    public String tag() {
        return tag;
    }

    public PlanDocument plan() {
        return plan.document();
    }

    /** The plan flattened for reading: navigation, paragraphs, English titles. */
    public PlanIndex planIndex() {
        return plan.index();
    }

    /** The features of one collection in stored order; empty for an unknown collection. */
    public List<StoredFeature> features(String collection) {
        return byCollection.getOrDefault(collection, List.of());
    }

    /** Every feature, collection by collection in registry order. */
    public List<StoredFeature> features() {
        return all;
    }

    public Optional<StoredFeature> feature(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    /** Count and bbox per non-empty collection. */
    public Optional<CollectionStats> stats(String collection) {
        return Optional.ofNullable(stats.get(collection));
    }

    /** Every catalogue item, in column order. */
    public List<CatalogueItem> catalogue() {
        return catalogue;
    }

    /** The catalogue items of one column, in item order. */
    public List<CatalogueItem> catalogue(int column) {
        return catalogue.stream().filter(i -> i.column() == column).toList();
    }

    /** The links between features and the plan, both kinds, both ways. */
    public PlanReferences references() {
        return references;
    }

    /** The view of this snapshot, built on first use. */
    public <T> T get(View<T> view) {
        return views.get(view, () -> view.build.apply(this));
    }

    /** The view of this snapshot's plan, built once per plan text. */
    public <T> T get(PlanView<T> view) {
        return plan.views().get(view, () -> view.build.apply(plan.index()));
    }

    ParsedPlan parsedPlan() {
        return plan;
    }

    /** SHA-256 of the plan's source files, by name. */
    Map<String, String> planSources() {
        return plan.sources();
    }

    @Override
    public String toString() {
        return "DataSnapshot[version " + version + ", " + all.size() + " features]";
    }

    /** A value derived from an input {@code I}: the key of a view and how to build it. Keys compare by identity. */
    abstract static class Derived<I, T> {
        private final String name;
        final Function<I, T> build;

        Derived(String name, Function<I, T> build) {
            this.name = name;
            this.build = build;
        }

        @Override
        public String toString() {
            return getClass().getSimpleName() + "[" + name + "]";
        }
    }

    /**
     * Something derived from a whole snapshot (its features and plan), built at most once per snapshot. Keep each
     * view in a constant or a bean's final field: it is the key.
     */
    public static final class View<T> extends Derived<DataSnapshot, T> {
        private View(String name, Function<DataSnapshot, T> build) {
            super(name, build);
        }

        public static <T> View<T> of(String name, Function<DataSnapshot, T> build) {
            return new View<>(name, build);
        }
    }

    /** Something derived from the plan alone, shared by every snapshot of the same plan text. */
    public static final class PlanView<T> extends Derived<PlanIndex, T> {
        private PlanView(String name, Function<PlanIndex, T> build) {
            super(name, build);
        }

        public static <T> PlanView<T> of(String name, Function<PlanIndex, T> build) {
            return new PlanView<>(name, build);
        }
    }

    /** Values built on first use, once each, without holding a lock while another view is built. */
    static final class Views {
        private final Map<Object, Lazy<?>> values = new ConcurrentHashMap<>();

        @SuppressWarnings("unchecked")
        <T> T get(Object key, java.util.function.Supplier<T> build) {
            Lazy<T> lazy = (Lazy<T>) values.computeIfAbsent(key, k -> new Lazy<>());
            return lazy.get(build);
        }
    }

    private static final class Lazy<T> {
        private volatile T value;

        T get(java.util.function.Supplier<T> build) {
            T v = value;
            if (v == null) {
                synchronized (this) {
                    v = value;
                    if (v == null) value = v = java.util.Objects.requireNonNull(build.get(), "a view may not be null");
                }
            }
            return v;
        }
    }
}
