package org.planmap.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.planmap.features.CollectionDef;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.StoredFeature;
import org.planmap.geo.GeoJsonFeatures;
import org.planmap.geodata.CatalogueItem;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.GeodataLoader;
import org.planmap.indicators.IndicatorCatalog;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanTitles;
import org.planmap.plan.PlanParser;
import org.planmap.system.Csv;
import tools.jackson.databind.json.JsonMapper;

/** The search index the app builds for the real {@code geodata/} files: a snapshot held in memory, no database. */
final class SearchFixtures {
    private SearchFixtures() { }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static SearchIndex realIndex() {
        try {
            String dir = System.getenv("PLANMAP_PROJECT_DIR");
            Path geodata = Path.of(dir != null ? dir : System.getProperty("user.dir")).resolve("geodata");
            JsonMapper json = JsonMapper.builder().build();
            PlanDocument doc = PlanParser.parse(Files.readString(geodata.resolve(GeodataLoader.PLAN_FILE)), GeodataLoader.PLAN_FILE);
            Map<String, String> titlesEn = PlanTitles.readEnglish(doc, Files.readString(geodata.resolve(GeodataLoader.TITLES_EN_FILE)));
            List<StoredFeature> features = new ArrayList<>();
            for (String c : new CollectionRegistry().all().stream().map(CollectionDef::id).toList()) {
                for (GeoJsonFeatures.Parsed p : GeoJsonFeatures.readCollection(json, Files.readString(geodata.resolve(c + ".geojson")), c)) {
                    Map<String, Object> props = p.properties();
                    features.add(new StoredFeature(p.id(), c, (String) props.get("name"), (String) props.get("nameEn"),
                            (String) props.get("accuracy"), (String) props.get("zone"), null, props, p.geometry()));
                }
            }
            List<CatalogueItem> catalogue = new ArrayList<>();
            for (Map<String, String> r : Csv.records(Files.readString(geodata.resolve(GeodataLoader.CATALOGUE_FILE)))) {
                String id = r.get("catalogueId");
                boolean mapped = r.get("status").equals("mapped");
                catalogue.add(new CatalogueItem(id, Integer.parseInt(r.get("column")), Integer.parseInt(id.replaceAll(".*-item-", "")),
                        r.get("columnGroup"), r.get("name"), blankToNull(r.get("nameEn")), blankToNull(r.get("nameEnSource")),
                        r.get("status"), mapped ? null : r.get("reason"), blankToNull(r.get("decision")), mapped ? "site-" + id : null));
            }
            return SearchService.index(DataSnapshot.of(doc, titlesEn, features, catalogue), new IndicatorCatalog(geodata).namesEn());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
