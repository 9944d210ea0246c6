package org.planmap.features;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the plan's geometry from {@code geodata/} into the database at start-up, idempotently: a file whose
 * SHA-256 equals the one recorded in {@code source_file} is not loaded again. Every file is parsed and
 * validated before the first write, and all writes share one transaction, so a bad file fails the start
 * with a message naming it and leaves the previously loaded data untouched.
 */
@Component
@Order(0)
public class GeodataLoader implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(GeodataLoader.class);

    private final GeodataProperties properties;
    private final CollectionRegistry registry;
    private final FeatureRepository features;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate tx;
    private final JsonMapper json;

    public GeodataLoader(GeodataProperties properties, CollectionRegistry registry, FeatureRepository features,
                         JdbcTemplate jdbc, TransactionTemplate tx, JsonMapper json) {
        this.properties = properties;
        this.registry = registry;
        this.features = features;
        this.jdbc = jdbc;
        this.tx = tx;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) {
        load();
    }

    public LoadReport load() {
        long start = System.currentTimeMillis();
        Map<String, SourceFile> sources = new LinkedHashMap<>();
        for (CollectionDef def : registry.all()) {
            sources.put(def.id(), SourceFile.read(properties.dir(), def.fileName()));
        }
        Map<String, String> recorded = new HashMap<>();
        jdbc.query("SELECT name, sha256 FROM source_file", rs -> {
            recorded.put(rs.getString(1), rs.getString(2));
        });
        List<String> changed = sources.values().stream()
                .filter(s -> !s.sha256().equals(recorded.get(s.name()))).map(SourceFile::name).toList();
        if (changed.isEmpty()) {
            log.info("Geodata unchanged ({} files), nothing loaded", sources.size());
            return new LoadReport(List.of(), System.currentTimeMillis() - start);
        }

        Map<String, List<StoredFeature>> parsed = new LinkedHashMap<>();
        for (CollectionDef def : registry.all()) {
            SourceFile file = sources.get(def.id());
            if (!changed.contains(file.name())) continue;
            try {
                parsed.put(def.id(), FeatureFileReader.read(json, def.id(), file.text(), file.name()));
            } catch (IllegalArgumentException e) {
                throw new GeodataException(file.name(), e.getMessage(), e);
            }
        }

        tx.executeWithoutResult(status -> {
            parsed.forEach(features::replaceCollection);
            List<Object[]> rows = new ArrayList<>();
            for (SourceFile s : sources.values()) {
                if (changed.contains(s.name())) rows.add(new Object[] {s.name()});
            }
            jdbc.batchUpdate("DELETE FROM source_file WHERE name = ?", rows);
            jdbc.batchUpdate("INSERT INTO source_file (name, sha256, loaded_at) VALUES (?, ?, ?)",
                    sources.values().stream().filter(s -> changed.contains(s.name()))
                            .map(s -> new Object[] {s.name(), s.sha256(), LocalDateTime.now()}).toList());
        });
        long millis = System.currentTimeMillis() - start;
        log.info("Geodata loaded: {} of {} files changed ({} ms)", changed.size(), sources.size(), millis);
        return new LoadReport(changed, millis);
    }
}
