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
import org.planmap.geodata.GeodataProperties;
import org.planmap.plan.PlanDocument;
import org.planmap.system.Csv;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The 2020 baselines of Table 2: the Table 1 result (the 13th plan's outcome, 2020) of the same measure, paired by hand
 * in {@code geodata/indicators/table-2-baselines.csv} with the reason why the two count the same thing. The pairs are
 * read once at start-up; the values come from the plan of the data snapshot asked about. A Table 2 row without a pair
 * has no baseline (the plan gives none); a pair naming a row the plan lacks gives none either (and
 * {@link #check(PlanDocument)} names it: the indicator tests call it).
 */
@Component
public class Table2Baselines {
    static final String FILE = "indicators/table-2-baselines.csv";

    /** A baseline: the year, the Table 1 row it is read from, its value cell, why the pair is comparable. */
    public record Baseline(int year, String indicatorId, String name, IndicatorView.Value value, String note) { }

    private record Pair(String table1Id, String note) { }

    private final Map<String, Pair> pairs = new LinkedHashMap<>();

    @Autowired
    public Table2Baselines(GeodataProperties geodata) {
        this(geodata.dir().resolve(FILE));
    }

    Table2Baselines(Path file) {
        List<List<String>> rows;
        try {
            rows = Csv.parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        for (List<String> r : rows.stream().skip(1).filter(r -> !r.get(0).strip().startsWith("#")).toList()) {
            pairs.put(r.get(0).strip(), new Pair(r.get(1).strip(), r.get(2).strip()));
        }
    }

    /** The baseline of a Table 2 row in this plan, if the plan gives one. */
    public Optional<Baseline> of(String table2RowId, PlanDocument plan) {
        Pair p = pairs.get(table2RowId);
        if (p == null) return Optional.empty();
        return plan.indicator(p.table1Id()).filter(r -> r.table() == 1)
                .map(r -> new Baseline(2020, r.id(), r.name(), IndicatorView.Value.of(r.result()), p.note()));
    }

    /** Pairs whose rows this plan lacks (a Table 2 id that is not in Table 2, a Table 1 id not in Table 1). */
    public List<String> check(PlanDocument plan) {
        return pairs.entrySet().stream().filter(e -> plan.indicator(e.getKey()).filter(r -> r.table() == 2).isEmpty()
                || plan.indicator(e.getValue().table1Id()).filter(r -> r.table() == 1).isEmpty())
                .map(e -> e.getKey() + "," + e.getValue().table1Id()).toList();
    }
}
