package org.planmap.features;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanParseException;
import org.planmap.plan.PlanSource;
import org.planmap.plan.PlanRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the plan text, the collections and the project catalogue from {@code geodata/} at start-up,
 * idempotently: when every file's SHA-256 equals the one recorded in {@code source_file}, nothing is written.
 * When any file changed, every file is parsed and cross-checked first (plan refs exist, the catalogue matches
 * the plan's column items); only then, in one transaction, are the changed files' tables replaced and the
 * links rebuilt. A bad file therefore fails the start with a message naming it and leaves the data that was
 * loaded before untouched.
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
    private final PlanRepository plan;
    private final PlanRefRepository planRefs;
    private final CatalogueRepository catalogue;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final ApplicationEventPublisher events;
    private final PlanSource planSource;

    public GeodataLoader(GeodataProperties properties, CollectionRegistry registry, FeatureRepository features,
                         PlanRepository plan, PlanRefRepository planRefs, CatalogueRepository catalogue, JdbcTemplate jdbc,
                         TransactionTemplate tx, JsonMapper json, ApplicationEventPublisher events, PlanSource planSource) {
        this.planSource = planSource;
        this.properties = properties;
        this.registry = registry;
        this.features = features;
        this.plan = plan;
        this.planRefs = planRefs;
        this.catalogue = catalogue;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
        this.events = events;
    }

    /** Published after every load, changed or not, so caches (search index, ETags) can refresh. */
    public record DataLoaded(LoadReport report) { }

    /**
     * Loads once every bean exists and before the web server starts: no request is ever answered from a
     * half-loaded or empty store, and a bad file stops the start before the port opens.
     */
    @Override
    public void afterSingletonsInstantiated() {
        load();
    }

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
            LoadReport report = new LoadReport(List.of(), System.currentTimeMillis() - start);
            events.publishEvent(new DataLoaded(report));
            return report;
        }

        PlanDocument doc = parsePlan(sources.get(PLAN_FILE));
        Map<String, String> titlesEn = guarded(TITLES_EN_FILE, () -> PlanRepository.readTitlesEn(doc, sources.get(TITLES_EN_FILE).text()));
        Map<String, List<StoredFeature>> collections = new LinkedHashMap<>();
        for (CollectionDef def : registry.all()) {
            SourceFile file = sources.get(def.fileName());
            collections.put(def.id(), guarded(file.name(), () -> FeatureFileReader.read(json, def.id(), file.text(), file.name())));
        }
        checkUniqueIds(collections);
        List<CatalogueRepository.Item> items = guarded(CATALOGUE_FILE,
                () -> CatalogueReader.read(doc, sources.get(CATALOGUE_FILE).text(), collections.get("project-sites")));
        List<StoredFeature> all = collections.values().stream().flatMap(List::stream).toList();
        List<PlanRefRepository.PlanRef> links = new ArrayList<>();
        for (CollectionDef def : registry.all()) {
            links.addAll(guarded(def.fileName(), () -> PlanLinker.declared(doc, collections.get(def.id()))));
        }
        links.addAll(PlanLinker.mentions(doc, all));

        tx.executeWithoutResult(status -> {
            if (changed.contains(PLAN_FILE) || changed.contains(TITLES_EN_FILE)) plan.replace(doc, titlesEn);
            for (CollectionDef def : registry.all()) {
                if (changed.contains(def.fileName())) features.replaceCollection(def.id(), collections.get(def.id()));
            }
            catalogue.replaceAll(items);
            planRefs.replaceAll(links);
            jdbc.batchUpdate("DELETE FROM source_file WHERE name = ?", changed.stream().map(n -> new Object[] {n}).toList());
            jdbc.batchUpdate("INSERT INTO source_file (name, sha256, loaded_at) VALUES (?, ?, ?)",
                    changed.stream().map(n -> new Object[] {n, sources.get(n).sha256(), LocalDateTime.now()}).toList());
        });
        long millis = System.currentTimeMillis() - start;
        log.info("Geodata loaded: {} of {} files changed, {} features, {} plan links ({} ms)",
                changed.size(), sources.size(), all.size(), links.size(), millis);
        LoadReport report = new LoadReport(changed, millis);
        events.publishEvent(new DataLoaded(report));
        return report;
    }

    private PlanDocument parsePlan(SourceFile file) {
        try {
            return planSource.parse(file.text(), file.name());
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
