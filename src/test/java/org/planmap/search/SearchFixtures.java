package org.planmap.search;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.features.GeodataLoader;
import org.planmap.features.PlaceNames;
import org.planmap.features.StoredFeature;
import org.planmap.geo.GeoJsonFeatures;
import org.planmap.plan.IndicatorRow;
import org.planmap.plan.IndicatorTable;
import org.planmap.plan.Paragraph;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanNode;
import org.planmap.plan.PlanParser;
import org.planmap.plan.PlanRepository;
import org.planmap.system.Csv;
import tools.jackson.databind.json.JsonMapper;

/** The search index of the real {@code geodata/} files, built without a database (as the loader would fill it). */
final class SearchFixtures {
    static final List<String> COLLECTIONS = List.of("district", "zones", "showcase-areas", "demonstration-zones", "science-city",
            "project-sites", "context-water", "context-rivers", "context-stations", "context-landmarks");

    private SearchFixtures() { }

    static SearchIndex realIndex() {
        try {
            String dir = System.getenv("PLANMAP_PROJECT_DIR");
            Path geodata = Path.of(dir != null ? dir : System.getProperty("user.dir")).resolve("geodata");
            JsonMapper json = JsonMapper.builder().build();
            PlanDocument doc = PlanParser.parse(Files.readString(geodata.resolve(GeodataLoader.PLAN_FILE)), GeodataLoader.PLAN_FILE);
            Map<String, String> titlesEn = PlanRepository.readTitlesEn(doc, Files.readString(geodata.resolve(GeodataLoader.TITLES_EN_FILE)));
            List<StoredFeature> features = new ArrayList<>();
            for (String c : COLLECTIONS) {
                for (GeoJsonFeatures.Parsed p : GeoJsonFeatures.readCollection(json, Files.readString(geodata.resolve(c + ".geojson")), c)) {
                    Map<String, Object> props = p.properties();
                    features.add(new StoredFeature(p.id(), c, (String) props.get("name"), (String) props.get("nameEn"),
                            (String) props.get("accuracy"), (String) props.get("zone"), null, props, p.geometry()));
                }
            }
            List<SearchIndex.Concept> concepts = new ArrayList<>();
            List<SearchIndex.Text> texts = new ArrayList<>();
            for (Paragraph p : doc.preamble()) texts.add(new SearchIndex.Text(p.id(), PlanRepository.PREAMBLE, doc.title(), p.text()));
            doc.walk().forEach(n -> {
                concepts.add(new SearchIndex.Concept(n.id(), n.kind().name(), n.number(), n.title(), titlesEn.get(n.id())));
                for (Paragraph p : n.paragraphs()) texts.add(new SearchIndex.Text(p.id(), n.id(), title(n), p.text()));
            });
            List<SearchIndex.Indicator> indicators = new ArrayList<>();
            for (IndicatorTable t : doc.tables()) {
                for (IndicatorRow r : t.rows()) {
                    Map<String, Object> v = new LinkedHashMap<>();
                    v.put("table", r.table());
                    v.put("unit", r.unit());
                    indicators.add(new SearchIndex.Indicator(r.id(), r.name(), null, "table-" + r.table(), v));
                }
            }
            List<SearchIndex.Item> items = new ArrayList<>();
            for (Map<String, String> r : Csv.records(Files.readString(geodata.resolve(GeodataLoader.CATALOGUE_FILE)))) {
                if (r.get("status").equals("mapped")) continue;
                items.add(new SearchIndex.Item(r.get("catalogueId"), r.get("name"), null, r.get("columnGroup"), r.get("status"),
                        r.get("reason")));
            }
            return SearchIndex.of(features, PlaceNames.bundled(), concepts, texts, indicators, items, Synonyms.bundled());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String title(PlanNode n) {
        return (n.number() == null ? "" : n.number() + " ") + n.title();
    }
}
