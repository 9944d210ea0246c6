package org.planmap.indicators;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planmap.plan.IndicatorRow;
import org.planmap.plan.NodeKind;
import org.planmap.plan.Paragraph;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanNode;
import org.planmap.plan.PlanParser;
import org.planmap.system.Csv;

/**
 * The indicator tables of one plan document with what planmap adds to them from {@code geodata/indicators/}:
 * each row's English name ({@code names-en.csv}), its direction ({@code directions.csv}), its comparison (Table 1),
 * the sections that mention it ({@code keywords.csv}) and the zones it concerns ({@code indicator-zones.csv}); and
 * the quantified targets found
 * in the text ({@link TargetExtractor}). Immutable; the app builds one per plan text ({@link Indicators}).
 */
public final class IndicatorCatalog {

    static final String PLAN_FILE = "plan/shapingba-14th-five-year-plan-outline.txt";
    private static final Pattern SENTENCE = Pattern.compile("[^。；！？]+[。；！？]?");

    private final PlanDocument plan;
    private final Map<String, String[]> directions;
    private final Map<String, List<String>> keywords;
    private final List<ZoneLink> zoneLinks;
    private final Map<String, String> table2Groups;
    private final Map<String, EnglishName> namesEn = new LinkedHashMap<>();
    private final List<QuantifiedTarget> targets;
    private final Map<String, List<SectionRef>> sections = new LinkedHashMap<>();

    /** A row of {@code indicator-zones.csv}. */
    public record ZoneLink(String indicatorId, String featureId, String reason) {
    }

    /** A plan node that mentions an indicator, with the first sentence that does. */
    public record SectionRef(String id, String kind, String title, String paragraphId, String keyword,
            String sentence) {
    }

    /** An indicator's English name and whose it is ({@code planmap translation}), from {@code names-en.csv}. */
    public record EnglishName(String nameEn, String source) {
    }

    /**
     * What planmap adds to the tables, as read from {@code geodata/indicators/}: direction and its reason per row,
     * keywords, the zone links, our grouping of Table 2 and the English names ({@code namesEn}: the rows of
     * {@code names-en.csv}, {@code indicatorId,name,nameEn,nameEnSource}, checked against the plan by the catalogue).
     */
    public record Additions(Map<String, String[]> directions, Map<String, List<String>> keywords, List<ZoneLink> zoneLinks,
                        Map<String, String> table2Groups, List<List<String>> namesEn) {

        /** Reads the four files of {@code dir/indicators}; a missing file or an unknown direction throws. */
        public static Additions read(Path dir) {
            Path indicators = dir.resolve("indicators");
            Map<String, String[]> directions = new LinkedHashMap<>();
            for (List<String> r : csv(indicators.resolve("directions.csv"))) {
                Direction.of(r.get(1));
                directions.put(r.get(0), new String[] {r.get(1), r.get(2)});
            }
            Map<String, List<String>> keywords = new LinkedHashMap<>();
            for (List<String> r : csv(indicators.resolve("keywords.csv"))) {
                keywords.put(r.get(0), List.of(r.get(1).split("\\|")));
            }
            List<ZoneLink> zoneLinks = new ArrayList<>();
            for (List<String> r : csv(indicators.resolve("indicator-zones.csv"))) {
                zoneLinks.add(new ZoneLink(r.get(0), r.get(1), r.get(2)));
            }
            Map<String, String> table2Groups = new LinkedHashMap<>();
            for (List<String> r : csv(indicators.resolve("table-2-groups.csv"))) {
                table2Groups.put(r.get(0), r.get(1));
            }
            return new Additions(Collections.unmodifiableMap(directions), Collections.unmodifiableMap(keywords),
                    List.copyOf(zoneLinks), Collections.unmodifiableMap(table2Groups), csv(indicators.resolve("names-en.csv")));
        }
    }

    /** The catalogue of the plan text in {@code dir} (a geodata folder), parsed here: for tests and tools. */
    public IndicatorCatalog(Path dir) {
        this(PlanParser.parse(read(dir.resolve(PLAN_FILE)), PLAN_FILE), Additions.read(dir));
    }

    /** The catalogue of {@code plan} with planmap's additions; every row of the plan must have a direction. */
    public IndicatorCatalog(PlanDocument plan, Additions additions) {
        this.plan = plan;
        this.directions = additions.directions();
        this.keywords = additions.keywords();
        this.zoneLinks = additions.zoneLinks();
        this.table2Groups = additions.table2Groups();
        readNamesEn(additions.namesEn());
        for (IndicatorRow row : rows()) {
            if (!directions.containsKey(row.id())) {
                throw new IllegalStateException("directions.csv has no direction for " + row.id());
            }
            sections.put(row.id(), findSections(keywords.getOrDefault(row.id(), List.of(row.name()))));
        }
        this.targets = TargetExtractor.extractAll(plan);
    }

    /**
     * The rows of {@code names-en.csv}: one per indicator of the plan, with the plan's own Chinese name (so a changed
     * plan text cannot keep a stale translation) and a non-blank English name and source.
     */
    private void readNamesEn(List<List<String>> rows) {
        Map<String, IndicatorRow> byId = new LinkedHashMap<>();
        rows().forEach(r -> byId.put(r.id(), r));
        for (List<String> r : rows) {
            IndicatorRow row = byId.get(r.get(0));
            if (row == null) {
                throw new IllegalStateException("names-en.csv: " + r.get(0) + " is not an indicator of the plan");
            }
            if (!row.name().equals(r.get(1))) {
                throw new IllegalStateException("names-en.csv: " + r.get(0) + " is named '" + row.name() + "' in the plan, not '" + r.get(1) + "'");
            }
            if (r.size() < 4 || r.get(2).isBlank() || r.get(3).isBlank()
                    || namesEn.put(r.get(0), new EnglishName(r.get(2), r.get(3))) != null) {
                throw new IllegalStateException("names-en.csv: " + r.get(0) + " needs exactly one row with an English name and its source");
            }
        }
        byId.keySet().stream().filter(id -> !namesEn.containsKey(id)).findFirst().ifPresent(id -> {
            throw new IllegalStateException("names-en.csv has no English name for " + id);
        });
    }

    /** Data rows of a CSV file of {@code geodata/indicators/}: header and {@code #} comment lines skipped. */
    private static List<List<String>> csv(Path file) {
        List<List<String>> rows = Csv.parse(read(file));
        return rows.stream().skip(1).filter(r -> !r.get(0).startsWith("#"))
                .map(r -> r.stream().map(String::strip).toList()).toList();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    public PlanDocument plan() {
        return plan;
    }

    public List<IndicatorRow> rows() {
        return plan.tables().stream().flatMap(t -> t.rows().stream()).toList();
    }

    /** The English name of an indicator ({@code names-en.csv}; every indicator of the plan has one). */
    public EnglishName nameEn(String indicatorId) {
        return namesEn.get(indicatorId);
    }

    /** Indicator id → English name, in table order. */
    public Map<String, String> namesEn() {
        Map<String, String> out = new LinkedHashMap<>();
        namesEn.forEach((id, n) -> out.put(id, n.nameEn()));
        return Collections.unmodifiableMap(out);
    }

    public Direction direction(String indicatorId) {
        return Direction.of(directions.get(indicatorId)[0]);
    }

    public String directionReason(String indicatorId) {
        return directions.get(indicatorId)[1];
    }

    public List<String> keywords(String indicatorId) {
        return keywords.getOrDefault(indicatorId, List.of());
    }

    /**
     * planmap's grouping of Table 2 (the source prints no 分类 there): the category names of the national
     * 14th Five-Year Plan outline's indicator table, assigned by us ({@code table-2-groups.csv}).
     */
    public Map<String, String> table2Groups() {
        return table2Groups;
    }

    public List<ZoneLink> zoneLinks() {
        return zoneLinks;
    }

    public List<SectionRef> sections(String indicatorId) {
        return sections.getOrDefault(indicatorId, List.of());
    }

    /** Targets found in the text, without features (see {@link IndicatorLinks} for the linked ones). */
    public List<QuantifiedTarget> targets() {
        return targets;
    }

    /** Table 1 comparison of a row (Table 2 rows: not comparable, rule {@code no-result}). */
    public Comparison comparison(IndicatorRow row) {
        return IndicatorComparison.compare(row, direction(row.id()));
    }

    /** Nodes (not tables or figures) with a paragraph mentioning any keyword, in source order. */
    private List<SectionRef> findSections(List<String> words) {
        List<SectionRef> found = new ArrayList<>();
        plan.walk().filter(n -> n.kind() != NodeKind.TABLE && n.kind() != NodeKind.FIGURE).forEach(node -> {
            for (Paragraph p : node.paragraphs()) {
                SectionRef ref = match(node, p, words);
                if (ref != null) {
                    found.add(ref);
                    return;
                }
            }
        });
        return List.copyOf(found);
    }

    private static SectionRef match(PlanNode node, Paragraph p, List<String> words) {
        Matcher s = SENTENCE.matcher(p.text());
        while (s.find()) {
            for (String w : words) {
                if (s.group().contains(w)) {
                    return new SectionRef(node.id(), node.kind().name().toLowerCase(), node.title(), p.id(), w,
                            s.group().strip());
                }
            }
        }
        return null;
    }
}
