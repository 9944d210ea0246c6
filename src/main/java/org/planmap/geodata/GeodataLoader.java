package org.planmap.geodata;

import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeatureRepository;
import org.planmap.features.StoredFeature;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanParseException;
import org.planmap.plan.PlanParser;
import org.planmap.plan.PlanTitles;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the plan text, the collections and the project catalogue from {@code geodata/} at start-up,
 * idempotently: when every file's SHA-256 equals the one recorded in {@code source_file}, nothing is written.
 * When any file changed, every file is parsed and cross-checked first (plan refs exist, the catalogue matches
 * the plan's column items); only then, in one data write ({@link DataSnapshots#write}), are the changed files'
 * tables replaced. A bad file therefore fails the start with a message naming it and leaves the data that was
 * loaded before untouched. Either way the loader ends with a current snapshot: the first one is built here.
 */
@Component
public class GeodataLoader implements SmartInitializingSingleton {
    public static final String PLAN_FILE = "plan/shapingba-14th-five-year-plan-outline.txt";
    public static final String CATALOGUE_FILE = "project-catalogue.csv";
    public static final String TITLES_EN_FILE = "plan/titles-en.csv";
    private static final Logger log = LoggerFactory.getLogger(GeodataLoader.class);

    private final GeodataProperties properties;
    private final CollectionRegistry registry;
    private final FeatureRepository features;
    private final PlanSourceRepository planSources;
    private final CatalogueRepository catalogue;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final DataSnapshots snapshots;
    private final List<SeedLoadListener> seedListeners;

    GeodataLoader(GeodataProperties properties, CollectionRegistry registry, FeatureRepository features,
                  PlanSourceRepository planSources, CatalogueRepository catalogue, JdbcTemplate jdbc, JsonMapper json,
                  DataSnapshots snapshots, List<SeedLoadListener> seedListeners) {
        this.properties = properties;
        this.registry = registry;
        this.features = features;
        this.planSources = planSources;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.json = json;
        this.snapshots = snapshots;
        this.seedListeners = List.copyOf(seedListeners);
    }

    /**
     * Loads once every bean exists and before the web server starts: no request is ever answered from a
     * half-loaded or empty store, and a bad file stops the start before the port opens.
     */
    @Override
    public void afterSingletonsInstantiated() {
        load();
    }

    /** Loads what changed, then makes sure a snapshot is current (building the first one if need be). */
    public LoadReport load() {
        long start = System.currentTimeMillis();
        Map<String, SourceFile> sources = new LinkedHashMap<>();
        sources.put(PLAN_FILE, SourceFile.read(properties.dir(), PLAN_FILE));
        sources.put(TITLES_EN_FILE, SourceFile.read(properties.dir(), TITLES_EN_FILE));
        for (CollectionDef def : registry.all()) sources.put(def.fileName(), SourceFile.read(properties.dir(), def.fileName()));
        sources.put(CATALOGUE_FILE, SourceFile.read(properties.dir(), CATALOGUE_FILE));

        Map<String, String> recorded = new HashMap<>();
        jdbc.query("SELECT name, sha256 FROM source_file", rs -> {
            recorded.put(rs.getString(1), rs.getString(2));
        });
        List<String> changed = sources.values().stream()
                .filter(s -> !s.sha256().equals(recorded.get(s.name()))).map(SourceFile::name).toList();
        if (changed.isEmpty()) {
            log.info("Geodata unchanged ({} files), nothing loaded", sources.size());
            if (snapshots.peek().isEmpty()) snapshots.refresh();
            return new LoadReport(List.of(), System.currentTimeMillis() - start);
        }

        PlanDocument doc = parsePlan(sources.get(PLAN_FILE));
        guarded(TITLES_EN_FILE, () -> PlanTitles.readEnglish(doc, sources.get(TITLES_EN_FILE).text()));
        Map<String, List<StoredFeature>> collections = new LinkedHashMap<>();
        for (CollectionDef def : registry.all()) {
            SourceFile file = sources.get(def.fileName());
            collections.put(def.id(), guarded(file.name(), () -> FeatureFileReader.read(json, def.id(), file.text(), file.name())));
        }
        checkUniqueIds(collections);
        List<CatalogueItem> items = guarded(CATALOGUE_FILE,
                () -> CatalogueReader.read(doc, sources.get(CATALOGUE_FILE).text(), collections.get("project-sites")));
        int featureCount = 0;
        for (CollectionDef def : registry.all()) {
            // declared links are checked here, before anything is written; the snapshot derives them again
            guarded(def.fileName(), () -> PlanLinker.declared(doc, collections.get(def.id())));
            featureCount += collections.get(def.id()).size();
        }

        snapshots.write(() -> {
            for (String name : List.of(PLAN_FILE, TITLES_EN_FILE)) {
                if (changed.contains(name)) planSources.replace(sources.get(name));
            }
            for (CollectionDef def : registry.all()) {
                if (changed.contains(def.fileName())) features.replaceCollection(def.id(), collections.get(def.id()));
            }
            catalogue.replaceAll(items);
            Map<String, List<StoredFeature>> reloaded = new LinkedHashMap<>();
            for (CollectionDef def : registry.all()) {
                if (changed.contains(def.fileName())) reloaded.put(def.id(), collections.get(def.id()));
            }
            // staff edits go back on top of the new seed, in this same transaction (docs/editing.md)
            for (SeedLoadListener listener : seedListeners) listener.seedLoaded(reloaded);
            jdbc.batchUpdate("DELETE FROM source_file WHERE name = ?", changed.stream().map(n -> new Object[] {n}).toList());
            jdbc.batchUpdate("INSERT INTO source_file (name, sha256, loaded_at) VALUES (?, ?, ?)",
                    changed.stream().map(n -> new Object[] {n, sources.get(n).sha256(), LocalDateTime.now()}).toList());
            return null;
        });
        long millis = System.currentTimeMillis() - start;
        log.info("Geodata loaded: {} of {} files changed, {} features ({} ms)", changed.size(), sources.size(), featureCount, millis);
        return new LoadReport(changed, millis);
    }

    private static PlanDocument parsePlan(SourceFile file) {
        try {
            return PlanParser.parse(file.text(), file.name());
        } catch (PlanParseException e) {
            throw new GeodataException(file.name(), e.getMessage(), e);
        }
    }

    private static void checkUniqueIds(Map<String, List<StoredFeature>> collections) {
        Map<String, String> seen = new HashMap<>();
        collections.forEach((collection, list) -> list.forEach(f -> {
            String other = seen.put(f.id(), collection);
            if (other != null) {
                throw new GeodataException(collection + ".geojson", "feature id '" + f.id() + "' is also used in " + other + ".geojson");
            }
        }));
    }

    private static <T> T guarded(String file, java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (IllegalArgumentException e) {
            throw new GeodataException(file, e.getMessage(), e);
        }
    }
}
