package org.planmap.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.planmap.features.GeodataProperties;
import org.planmap.plan.IndicatorRow;
import org.planmap.plan.PlanDocument;
import org.planmap.system.Csv;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The 2020 baselines of Table 2: the Table 1 result (the 13th plan's outcome, 2020) of the same measure, paired by hand
 * in {@code geodata/indicators/table-2-baselines.csv} with the reason why the two count the same thing. A Table 2 row
 * without a pair has no baseline (the plan gives none); a pair naming an unknown row fails at start-up.
 */
@Component
public class Table2Baselines {
    static final String FILE = "indicators/table-2-baselines.csv";

    /** A baseline: the year, the Table 1 row it is read from, its value cell, why the pair is comparable. */
    public record Baseline(int year, String indicatorId, String name, IndicatorView.Value value, String note) { }

    private final Map<String, Baseline> byRow = new LinkedHashMap<>();

    @Autowired
    public Table2Baselines(GeodataProperties geodata, IndicatorCatalog catalog) {
        this(geodata.dir().resolve(FILE), catalog.plan());
    }

    Table2Baselines(Path file, PlanDocument plan) {
        List<List<String>> rows;
        try {
            rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (List<String> r : rows.stream().skip(1).filter(r -> !r.get(0).strip().startsWith("#")).toList()) {
            String two = r.get(0).strip();
            String one = r.get(1).strip();
            plan.indicator(two).filter(x -> x.table() == 2).orElseThrow(() -> new IllegalStateException(FILE + ": no Table 2 row " + two));
            IndicatorRow source = plan.indicator(one).filter(x -> x.table() == 1)
                    .orElseThrow(() -> new IllegalStateException(FILE + ": no Table 1 row " + one));
            byRow.put(two, new Baseline(2020, one, source.name(), IndicatorView.Value.of(source.result()), r.get(2).strip()));
        }
    }

    /** The baseline of a Table 2 row, if the plan gives one. */
    public Optional<Baseline> of(String table2RowId) {
        return Optional.ofNullable(byRow.get(table2RowId));
    }
}
