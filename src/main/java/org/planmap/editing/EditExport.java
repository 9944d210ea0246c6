package org.planmap.editing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeatureRepository;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.CatalogueItem;
import org.planmap.geodata.DataSnapshots;
import org.planmap.geodata.GeodataProperties;
import org.planmap.system.ApiException;
import org.planmap.system.Csv;
import org.springframework.stereotype.Component;

/**
 * The data as staff left it, in the repository's own files: {@code geodata/<collection>.geojson} (the seed file's
 * first line, then one feature per line in stored order) and {@code geodata/project-catalogue.csv}. Replacing the
 * files with these and committing them makes a release of the edits a reviewable diff: a feature nobody edited is
 * written exactly as the seed file has it, so only edited lines change. When the app then loads that seed, the
 * seed has caught up with staff's versions and no conflict is raised (see {@link SeedEdits}).
 */
@Component
class EditExport {
    static final List<String> CATALOGUE_HEADER = List.of("catalogueId", "column", "columnGroup", "name", "nameEn", "nameEnSource",
            "status", "reason", "decision");

    private final CollectionRegistry registry;
    private final FeatureRepository features;
    private final DataSnapshots snapshots;
    private final GeodataProperties geodata;

    EditExport(CollectionRegistry registry, FeatureRepository features, DataSnapshots snapshots, GeodataProperties geodata) {
        this.registry = registry;
        this.features = features;
        this.snapshots = snapshots;
        this.geodata = geodata;
    }

    /** {@code geodata/<collection>.geojson} as it should be committed now. */
    String collection(String collection) {
        if (registry.all().stream().noneMatch(d -> d.id().equals(collection))) throw ApiException.notFound("Collection", collection);
        StringBuilder out = new StringBuilder(1 << 16).append(header(collection)).append('\n');
        List<StoredFeature> all = features.all(collection);
        for (int i = 0; i < all.size(); i++) {
            out.append(FeatureDocuments.write(all.get(i))).append(i + 1 < all.size() ? ",\n" : "\n");
        }
        return out.append("]}\n").toString();
    }

    /** {@code geodata/project-catalogue.csv} as it should be committed now (items staff placed are mapped). */
    String catalogue() {
        StringBuilder out = new StringBuilder(1 << 16).append(Csv.line(CATALOGUE_HEADER)).append('\n');
        for (CatalogueItem i : snapshots.current().catalogue()) {
            List<String> row = new ArrayList<>(List.of(i.id(), String.valueOf(i.column()), i.columnGroup(), i.name()));
            row.add(i.nameEn());
            row.add(i.nameEnSource());
            row.add(i.status());
            row.add(i.reason());
            row.add(i.decision());
            out.append(Csv.line(row)).append('\n');
        }
        return out.toString();
    }

    /** The seed file's first line (its name and attribution), or a bare one when the file is not at hand. */
    private String header(String collection) {
        Path file = geodata.dir().resolve(collection + ".geojson");
        if (Files.isRegularFile(file)) {
            try (var lines = Files.lines(file, StandardCharsets.UTF_8)) {
                String first = lines.findFirst().orElse("");
                if (first.startsWith("{\"type\":\"FeatureCollection\"") && first.endsWith("\"features\":[")) return first;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return "{\"type\":\"FeatureCollection\",\"name\":\"" + collection + "\",\"features\":[";
    }
}
