package org.planmap.tour;

import jakarta.validation.Validator;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.planmap.features.CollectionRegistry;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.indicators.Indicators;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * The tours of {@code planmap.tours.dir}: every {@code *.json} file read ({@link TourReader}) and resolved against
 * the current data snapshot ({@link TourResolver}) once, then served from memory until the data snapshot or a
 * tour file changes. A request only lists the folder (names, sizes, modification times) to notice an edited file,
 * so an edit is still seen at once.
 *
 * <p>A tour file is JSON: {@code {"title": "…", "titleEn": "…", "description": "…", "steps": [step…]}}; a step is
 * {@code {"title": "…", "titleEn": "…", "section": "p6-c16-s1", "quote": "…", "sections": [...], "features": [...],
 * "collections": [...], "sectionFeatures": true}} (see {@code docs/tours.md}).
 */
@Component
public class TourRepository {

    private final TourProperties properties;
    private final TourReader reader;
    private final DataSnapshots snapshots;
    private final Indicators indicators;
    private final CollectionRegistry collections;
    private volatile Resolved resolved;

    public TourRepository(TourProperties properties, JsonMapper json, Validator validator, DataSnapshots snapshots,
            Indicators indicators, CollectionRegistry collections) {
        this.properties = properties;
        this.reader = new TourReader(json, validator);
        this.snapshots = snapshots;
        this.indicators = indicators;
        this.collections = collections;
    }

    /** Valid tours and the problems of the others, in file-name order. */
    public record Listing(List<Tour> tours, List<TourProblem> problems) {
        public Listing {
            tours = List.copyOf(tours);
            problems = List.copyOf(problems);
        }
    }

    /** A listing, and the snapshot and the folder state it was made from. */
    private record Resolved(DataSnapshot data, List<String> folder, Listing listing) { }

    public Listing load() {
        DataSnapshot data = snapshots.current();
        List<String> folder = folderState();
        Resolved r = resolved;
        if (r == null || r.data() != data || !r.folder().equals(folder)) {
            r = new Resolved(data, folder, resolve(data));
            resolved = r;
        }
        return r.listing();
    }

    public Optional<Tour> find(String id) {
        return load().tours().stream().filter(t -> t.id().equals(id)).findFirst();
    }

    /** The problems of the tour file with this id ({@code id.json}), empty when it is valid or absent. */
    public List<TourProblem> problemsOf(String id) {
        return load().problems().stream().filter(p -> p.file().equals(id + ".json")).toList();
    }

    /** Every tour file read and resolved against {@code data}. */
    Listing resolve(DataSnapshot data) {
        List<Tour> tours = new ArrayList<>();
        List<TourProblem> problems = new ArrayList<>();
        if (!Files.isDirectory(properties.dir())) {
            problems.add(TourProblem.of(properties.dir().toString(), null, "tour folder does not exist"));
            return new Listing(tours, problems);
        }
        TourResolver resolver = new TourResolver(data, indicators.links(data), collections, properties.maxTargets());
        for (Path file : files()) {
            Tour tour = resolver.resolve(reader.read(file), problems);
            if (tour != null) tours.add(tour);
        }
        return new Listing(tours, problems);
    }

    private List<Path> files() {
        try (Stream<Path> s = Files.list(properties.dir())) {
            return s.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Name, size and modification time of every tour file: what tells an edited folder from the one resolved. */
    private List<String> folderState() {
        if (!Files.isDirectory(properties.dir())) return List.of();
        List<String> out = new ArrayList<>();
        for (Path p : files()) {
            try {
                out.add(p.getFileName() + " " + Files.size(p) + " " + Files.getLastModifiedTime(p).toMillis());
            } catch (IOException e) {
                out.add(p.getFileName() + " unreadable");
            }
        }
        return out;
    }
}
