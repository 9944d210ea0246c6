package org.planmap.plan;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The plan's nodes flattened for the reader, built once from a {@link PlanDocument}: every part, chapter,
 * section, column, table and figure, plus the preamble ({@value #PREAMBLE}) and each glossary note as a
 * {@code NOTE} entry under the node whose paragraph it explains. Gives parent/child navigation, breadcrumbs,
 * reading order and each node's paragraphs without walking the document tree per lookup.
 *
 * <p>Kind-specific detail is in an entry's {@code body}: {@code titleEn} (our English title, when we have one),
 * a column's {@code groups}, a table's {@code headers}, {@code note} and {@code markers}, a figure's and a note's
 * {@code note}/{@code text}. Immutable; the plan changes only when the geodata loader reads a new plan text.
 */
public final class PlanIndex {
    /** Id of the entry holding the paragraphs before the first part; its title is the document title. */
    public static final String PREAMBLE = "preamble";
    private static final String FIGURE_NOTE = "The plan's figure is not part of the published text; "
            + "the map's zone outlines are schematic reconstructions.";

    /**
     * One node of the index.
     *
     * @param kind     {@code PREAMBLE}, {@code NOTE} or a {@link NodeKind} name
     * @param parentId the parent entry's id, {@code null} for parts and the preamble
     * @param seq      position in the index: the preamble, then every node depth first, then the notes
     * @param number   the label as in the source ({@code 第十六章}), {@code null} for the preamble and notes
     */
    public record Entry(String id, String kind, String parentId, int seq, String number, String title, Map<String, Object> body) {
        public Entry {
            body = Collections.unmodifiableMap(new LinkedHashMap<>(body));
        }

        public boolean isNote() {
            return kind.equals("NOTE");
        }
    }

    /** A paragraph with the entry that owns it and its 0-based position there. */
    public record Text(String id, String nodeId, int seq, String text) { }

    private final PlanDocument document;
    private final Map<String, Entry> byId = new LinkedHashMap<>();
    private final Map<String, List<Entry>> children = new LinkedHashMap<>();
    private final List<Entry> readingOrder = new ArrayList<>();
    private final Map<String, Integer> readingPosition = new LinkedHashMap<>();
    private final Map<String, List<Text>> paragraphs = new LinkedHashMap<>();
    private final List<Text> allParagraphs = new ArrayList<>();
    private final Map<String, Text> paragraphById = new LinkedHashMap<>();

    private PlanIndex(PlanDocument document) {
        this.document = document;
    }

    /** The index of {@code doc}; {@code titlesEn} (node id → English title) may be empty. */
    public static PlanIndex of(PlanDocument doc, Map<String, String> titlesEn) {
        PlanIndex index = new PlanIndex(doc);
        index.add(new Entry(PREAMBLE, "PREAMBLE", null, 0, null, doc.title(), Map.of()), doc.preamble());
        for (PlanNode part : doc.parts()) index.addNode(doc, titlesEn, part, null);
        for (GlossaryNote note : doc.notes()) {
            String owner = doc.parentOf(note.paragraphId()).orElse(PREAMBLE);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("text", note.text());
            body.put("paragraphId", note.paragraphId());
            index.add(new Entry(note.id(), "NOTE", owner, index.byId.size(), null, note.term(), body), List.of());
        }
        return index;
    }

    private void addNode(PlanDocument doc, Map<String, String> titlesEn, PlanNode node, String parentId) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (titlesEn.containsKey(node.id())) body.put("titleEn", titlesEn.get(node.id()));
        switch (node.kind()) {
            case COLUMN -> doc.column(node.id()).ifPresent(c -> body.put("groups", c.groups()));
            case TABLE -> doc.table(node.id()).ifPresent(t -> {
                body.put("headers", t.headers());
                body.put("note", t.note());
                body.put("markers", IndicatorTable.markers().stream().map(m -> Map.of(
                        "mark", m.mark(), "zh", m.meaningZh(), "en", m.meaningEn())).toList());
            });
            case FIGURE -> body.put("note", FIGURE_NOTE);
            default -> { }
        }
        add(new Entry(node.id(), node.kind().name(), parentId, byId.size(), node.number(), node.title(), body), node.paragraphs());
        for (PlanNode child : node.children()) addNode(doc, titlesEn, child, node.id());
    }

    private void add(Entry entry, List<Paragraph> own) {
        byId.put(entry.id(), entry);
        if (entry.parentId() != null) children.computeIfAbsent(entry.parentId(), k -> new ArrayList<>()).add(entry);
        if (!entry.isNote() && !entry.kind().equals("PREAMBLE")) {
            readingPosition.put(entry.id(), readingOrder.size());
            readingOrder.add(entry);
        }
        List<Text> texts = new ArrayList<>();
        for (Paragraph p : own) texts.add(new Text(p.id(), entry.id(), texts.size(), p.text()));
        if (!texts.isEmpty()) paragraphs.put(entry.id(), List.copyOf(texts));
        allParagraphs.addAll(texts);
        texts.forEach(t -> paragraphById.put(t.id(), t));
    }

    public PlanDocument document() {
        return document;
    }

    public Optional<Entry> node(String id) {
        return Optional.ofNullable(id == null ? null : byId.get(id));
    }

    public Entry preamble() {
        return byId.get(PREAMBLE);
    }

    /** Child entries in source order (glossary notes excluded). */
    public List<Entry> children(String id) {
        return children.getOrDefault(id, List.of()).stream().filter(n -> !n.isNote()).toList();
    }

    /** The glossary notes explaining paragraphs of this entry. */
    public List<Entry> notes(String id) {
        return children.getOrDefault(id, List.of()).stream().filter(Entry::isNote).toList();
    }

    public List<Entry> parts() {
        return readingOrder.stream().filter(n -> n.parentId() == null).toList();
    }

    /** Every entry but the preamble and the notes, in reading order. */
    public List<Entry> all() {
        return Collections.unmodifiableList(readingOrder);
    }

    /** The entry's own paragraphs, in source order. */
    public List<Text> paragraphs(String id) {
        return paragraphs.getOrDefault(id, List.of());
    }

    /** The paragraph with this id, with its owner. */
    public Optional<Text> paragraph(String id) {
        return Optional.ofNullable(id == null ? null : paragraphById.get(id));
    }

    /** Every paragraph (preamble first), in reading order. */
    public List<Text> allParagraphs() {
        return Collections.unmodifiableList(allParagraphs);
    }

    /** The entry and all its descendants' ids (notes included), depth first. */
    public List<String> subtreeIds(String id) {
        List<String> out = new ArrayList<>();
        collect(id, out);
        return out;
    }

    private void collect(String id, List<String> out) {
        out.add(id);
        for (Entry c : children.getOrDefault(id, List.of())) collect(c.id(), out);
    }

    /** From the part down to the entry itself. */
    public List<Entry> path(String id) {
        List<Entry> path = new ArrayList<>();
        for (Entry n = byId.get(id); n != null; n = n.parentId() == null ? null : byId.get(n.parentId())) path.add(0, n);
        return path;
    }

    /** The entry before/after {@code id} in reading order, or empty at either end. */
    public Optional<Entry> neighbour(String id, int step) {
        Integer i = readingPosition.get(id);
        if (i == null) return Optional.empty();
        int j = i + step;
        return j >= 0 && j < readingOrder.size() ? Optional.of(readingOrder.get(j)) : Optional.empty();
    }
}
