package org.planmap.plan;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the plain-text plan outline ({@code geodata/plan/shapingba-14th-five-year-plan-outline.txt})
 * into a {@link PlanDocument}. Pure Java, no framework.
 *
 * <h2>Line kinds</h2>
 * Each line is first trimmed of ASCII and ideographic (U+3000) whitespace, then read as:
 * <ul>
 * <li>a heading {@code 第X篇|章|节 title} (any whitespace or none between number and title);</li>
 * <li>a table start {@code 表N title}, followed by tab-prefixed cells (see below);</li>
 * <li>a column start {@code 专栏N：title}, followed by {@code label：text} lines up to a blank line or
 *     the next structural line; a line without {@code ：} continues the previous one;</li>
 * <li>a figure caption {@code 图N caption};</li>
 * <li>a glossary note, starting with U+FFFD;</li>
 * <li>otherwise a paragraph line.</li>
 * </ul>
 *
 * <h2>Title, preamble, hard wraps</h2>
 * The leading non-blank lines without a {@code 。} form the title. Paragraph lines before the first
 * part are the preamble. A paragraph line that does not end in sentence-final punctuation
 * ({@code 。！？；：…} or ASCII {@code .!?;:}) is joined, without separator, with the following
 * paragraph line (not blank, not structural). In this source the nine such wraps sit exactly where
 * Word had footnote references; they are remembered as footnote anchors.
 *
 * <h2>Tables</h2>
 * A table is a header block and row blocks separated by empty lines. A line starting with a tab
 * starts a cell; a line without a tab continues the previous cell (a wrapped cell, e.g.
 * {@code 完成\n市下任务}). Columns are found by header words (分类, 序号, 名称, 单位, 属性, 目标, 完成).
 * A row's 序号 must be an integer. An empty 分类 cell repeats the category above. Without a 单位
 * column, a trailing {@code （…）} of the name is the unit. The {@code 备注…} cell ends the table.
 * Values are read by {@link IndicatorValue#parse(String)}.
 *
 * <h2>Column items</h2>
 * In <em>description</em> columns ({@link #DESCRIPTION_COLUMNS}: 专栏2, 8, 9, 11) each line is
 * {@code name：description} and the item is the name. In all other columns the text after
 * {@code ：} is a list: a trailing {@code 。} and then {@code 等} are removed, the text is split on
 * {@code 、，；} outside brackets and quotes ({@code （）()“”《》「」【】〔〕}), pieces are trimmed, a
 * trailing {@code 等} is removed from each piece, and empty pieces are dropped.
 *
 * <h2>Glossary notes</h2>
 * Word field codes ({@code HYPERLINK "…" \t "…"}) and U+FFFD are removed from the note. The terms
 * are the short labels before {@code ：} at the start of the note and after a {@code 。}. The note is
 * attached to the first body paragraph (preamble or heading-node paragraph, in source order) that
 * contains its first term (the first quoted part of it, when it has quotes, so
 * {@code “四向齐发”国际班列} is found by {@code “四向齐发”}). A note without a label (the QFLP note
 * starts {@code 即合格境外有限合伙人…}) is matched to the footnote anchor with the same position,
 * provided there are as many anchors as notes, and its term is the word before that anchor.
 *
 * <h2>Errors</h2>
 * Anything out of shape throws {@link PlanParseException} naming the source and the 1-based line:
 * no parts, a chapter outside a part or a section outside a chapter, a heading number out of
 * sequence, a table row with the wrong number of cells or a non-numeric 序号, a column with no items,
 * a note that cannot be placed, text after the notes.
 */
public final class PlanParser {

    /** Columns whose lines are {@code name：description}, one item per line. */
    public static final Set<Integer> DESCRIPTION_COLUMNS = Set.of(2, 8, 9, 11);

    private static final String WS = "[\\s\\u3000]";
    private static final Pattern HEADING = Pattern.compile("第([〇零一二两三四五六七八九十百]+)([篇章节])" + WS + "*(.+)");
    private static final Pattern TABLE = Pattern.compile("表" + WS + "*(\\d+)" + WS + "*(.+)");
    private static final Pattern COLUMN = Pattern.compile("专栏" + WS + "*(\\d+)" + WS + "*[：:]" + WS + "*(.+)");
    private static final Pattern FIGURE = Pattern.compile("图" + WS + "*(\\d+)" + WS + "+(.+)");
    private static final Pattern NOTE_TERM = Pattern.compile("(?:^|。)" + WS + "*([^。：]{1,20}?)" + WS + "*：");
    private static final Pattern FIELD_CODE = Pattern.compile("HYPERLINK\\s+\"[^\"]*\"(?:\\s+\\\\[a-z]\\s+\"[^\"]*\")*");
    private static final Pattern TRAILING_UNIT = Pattern.compile("(.+?)[（(]([^（）()]+)[）)]");
    private static final String SENTENCE_END = "。！？；：….!?;:";
    private static final String OPENERS = "（(“《「【〔";
    private static final String CLOSERS = "）)”》」】〕";
    private static final char NOTE_MARK = '\uFFFD';

    private PlanParser() {
    }

    /** Reads a UTF-8 plan file; the file name is the source name in error messages. */
    public static PlanDocument parse(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /** Reads plan text; {@code sourceName} is used in error messages. */
    public static PlanDocument parse(String text, String sourceName) {
        return new Reader(text, sourceName).read();
    }

    // ---------------------------------------------------------------------------------------------

    /** Mutable node while reading. */
    private static final class NodeBuilder {
        final String id;
        final NodeKind kind;
        final String number;
        final int ordinal;
        final String title;
        final List<Paragraph> paragraphs = new ArrayList<>();
        final List<NodeBuilder> children = new ArrayList<>();
        int sections;

        NodeBuilder(String id, NodeKind kind, String number, int ordinal, String title) {
            this.id = id;
            this.kind = kind;
            this.number = number;
            this.ordinal = ordinal;
            this.title = title;
        }

        Paragraph addParagraph(String text) {
            Paragraph p = new Paragraph(id + "-para-" + (paragraphs.size() + 1), text);
            paragraphs.add(p);
            return p;
        }

        PlanNode build() {
            return new PlanNode(id, kind, number, ordinal, title, paragraphs,
                    children.stream().map(NodeBuilder::build).toList());
        }
    }

    private record Cell(String text, int line) {
    }

    private record Anchor(String paragraphId, String term) {
    }

    private record RawNote(int line, String text) {
    }

    private static final class Reader {
        private final String source;
        private final String[] lines;
        private final List<Paragraph> preamble = new ArrayList<>();
        private final List<NodeBuilder> parts = new ArrayList<>();
        private final List<PlanColumn> columns = new ArrayList<>();
        private final List<IndicatorTable> tables = new ArrayList<>();
        private final List<Figure> figures = new ArrayList<>();
        private final List<RawNote> rawNotes = new ArrayList<>();
        /** Body paragraphs (preamble and heading nodes) in source order. */
        private final List<Paragraph> body = new ArrayList<>();
        private final List<Anchor> anchors = new ArrayList<>();
        private NodeBuilder part;
        private NodeBuilder chapter;
        private NodeBuilder section;
        private int chapters;

        Reader(String text, String source) {
            this.source = source;
            String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
            this.lines = t.split("\\r?\\n", -1);
        }

        private PlanParseException error(int line, String problem) {
            return new PlanParseException(source, line, problem);
        }

        PlanDocument read() {
            int i = 0;
            while (i < lines.length && lines[i].strip().isEmpty()) {
                i++;
            }
            StringBuilder title = new StringBuilder();
            while (i < lines.length && isTitleLine(lines[i])) {
                title.append(lines[i].strip());
                i++;
            }
            while (i < lines.length) {
                String raw = lines[i];
                String s = raw.strip();
                int lineNo = i + 1;
                if (s.isEmpty()) {
                    i++;
                    continue;
                }
                if (s.charAt(0) == NOTE_MARK) {
                    rawNotes.add(new RawNote(lineNo, s));
                    i++;
                    continue;
                }
                if (!rawNotes.isEmpty()) {
                    throw error(lineNo, "text after the glossary notes: " + abbreviate(s));
                }
                Matcher m;
                if ((m = HEADING.matcher(s)).matches()) {
                    heading(m, lineNo);
                    i++;
                } else if ((m = TABLE.matcher(s)).matches()) {
                    i = readTable(m, i);
                } else if ((m = COLUMN.matcher(s)).matches()) {
                    i = readColumn(m, i);
                } else if ((m = FIGURE.matcher(s)).matches()) {
                    figure(m, lineNo);
                    i++;
                } else if (raw.startsWith("\t")) {
                    throw error(lineNo, "table cell outside a table: " + abbreviate(s));
                } else {
                    i = readParagraph(i);
                }
            }
            if (parts.isEmpty()) {
                throw error(Math.max(1, lines.length), "no parts (第X篇) found");
            }
            List<GlossaryNote> notes = notes();
            return new PlanDocument(title.toString(), preamble, parts.stream().map(NodeBuilder::build).toList(),
                    columns, tables, figures, notes);
        }

        private boolean isTitleLine(String line) {
            String s = line.strip();
            return !s.isEmpty() && !line.startsWith("\t") && !s.contains("。") && !isStructural(s);
        }

        private static boolean isStructural(String s) {
            return s.charAt(0) == NOTE_MARK || HEADING.matcher(s).matches() || TABLE.matcher(s).matches()
                    || COLUMN.matcher(s).matches() || FIGURE.matcher(s).matches();
        }

        // ---- headings ----------------------------------------------------------------------------

        private void heading(Matcher m, int lineNo) {
            String numeral = m.group(1);
            String level = m.group(2);
            int ordinal = chineseNumber(numeral);
            String number = "第" + numeral + level;
            String title = normalizeTitle(m.group(3));
            switch (level) {
                case "篇" -> {
                    expect(ordinal, parts.size() + 1, number, lineNo);
                    part = new NodeBuilder("p" + ordinal, NodeKind.PART, number, ordinal, title);
                    parts.add(part);
                    chapter = null;
                    section = null;
                }
                case "章" -> {
                    if (part == null) {
                        throw error(lineNo, "chapter " + number + " before the first part (第X篇)");
                    }
                    expect(ordinal, chapters + 1, number, lineNo);
                    chapters = ordinal;
                    chapter = new NodeBuilder(part.id + "-c" + ordinal, NodeKind.CHAPTER, number, ordinal, title);
                    part.children.add(chapter);
                    section = null;
                }
                default -> {
                    if (chapter == null) {
                        throw error(lineNo, "section " + number + " outside a chapter (第X章)");
                    }
                    expect(ordinal, chapter.sections + 1, number, lineNo);
                    chapter.sections = ordinal;
                    section = new NodeBuilder(chapter.id + "-s" + ordinal, NodeKind.SECTION, number, ordinal, title);
                    chapter.children.add(section);
                }
            }
        }

        private void expect(int ordinal, int expected, String number, int lineNo) {
            if (ordinal != expected) {
                throw error(lineNo, number + " is out of sequence: expected number " + expected);
            }
        }

        /** The node that receives a column, table or figure found at {@code lineNo}. */
        private NodeBuilder container(int lineNo, String what) {
            NodeBuilder c = section != null ? section : chapter != null ? chapter : part;
            if (c == null) {
                throw error(lineNo, what + " before the first part (第X篇)");
            }
            return c;
        }

        // ---- paragraphs --------------------------------------------------------------------------

        private int readParagraph(int i) {
            StringBuilder text = new StringBuilder(lines[i].strip());
            List<String> terms = new ArrayList<>();
            i++;
            while (!endsSentence(text) && i < lines.length && isContinuation(lines[i])) {
                terms.add(trailingTerm(text.toString()));
                text.append(lines[i].strip());
                i++;
            }
            NodeBuilder owner = section != null ? section : chapter != null ? chapter : part;
            Paragraph p;
            if (owner == null) {
                p = new Paragraph("preamble-para-" + (preamble.size() + 1), text.toString());
                preamble.add(p);
            } else {
                p = owner.addParagraph(text.toString());
            }
            body.add(p);
            for (String term : terms) {
                anchors.add(new Anchor(p.id(), term));
            }
            return i;
        }

        private static boolean endsSentence(CharSequence text) {
            return text.length() > 0 && SENTENCE_END.indexOf(text.charAt(text.length() - 1)) >= 0;
        }

        private static boolean isContinuation(String line) {
            String s = line.strip();
            return !s.isEmpty() && !line.startsWith("\t") && !isStructural(s);
        }

        /** The quoted term(s) or Latin word just before a footnote anchor, e.g. {@code “五个科学”“五个科技”}, {@code QFLP}. */
        private static String trailingTerm(String before) {
            int end = before.length();
            int start = end;
            while (start > 0 && before.charAt(start - 1) == '”') {
                int open = before.lastIndexOf('“', start - 1);
                if (open < 0) {
                    break;
                }
                start = open;
            }
            if (start == end) {
                while (start > 0 && isAsciiWordChar(before.charAt(start - 1))) {
                    start--;
                }
            }
            return start == end ? null : before.substring(start, end);
        }

        private static boolean isAsciiWordChar(char c) {
            return c < 128 && Character.isLetterOrDigit(c);
        }

        // ---- figures -----------------------------------------------------------------------------

        private void figure(Matcher m, int lineNo) {
            int number = Integer.parseInt(m.group(1));
            String caption = normalizeTitle(m.group(2));
            NodeBuilder parent = container(lineNo, "figure 图" + number);
            String id = "fig-" + number;
            if (figures.stream().anyMatch(f -> f.id().equals(id))) {
                throw error(lineNo, "duplicate figure 图" + number);
            }
            parent.children.add(new NodeBuilder(id, NodeKind.FIGURE, "图" + number, number, caption));
            figures.add(new Figure(id, number, caption, parent.id));
        }

        // ---- columns -----------------------------------------------------------------------------

        private int readColumn(Matcher m, int i) {
            int lineNo = i + 1;
            int number = Integer.parseInt(m.group(1));
            String title = normalizeTitle(m.group(2));
            String id = "col-" + number;
            if (columns.stream().anyMatch(c -> c.id().equals(id))) {
                throw error(lineNo, "duplicate column 专栏" + number);
            }
            NodeBuilder parent = container(lineNo, "column 专栏" + number);
            List<String[]> groupLines = new ArrayList<>();
            i++;
            while (i < lines.length) {
                String s = lines[i].strip();
                if (s.isEmpty() || isStructural(s)) {
                    break;
                }
                int colon = s.indexOf('：');
                if (colon > 0) {
                    groupLines.add(new String[] {s.substring(0, colon).strip(), s.substring(colon + 1).strip()});
                } else if (groupLines.isEmpty()) {
                    throw error(i + 1, "column 专栏" + number + " line without a label (label：text): " + abbreviate(s));
                } else {
                    String[] last = groupLines.get(groupLines.size() - 1);
                    last[1] = last[1] + s;
                }
                i++;
            }
            NodeBuilder node = new NodeBuilder(id, NodeKind.COLUMN, "专栏" + number, number, title);
            List<ColumnGroup> groups = new ArrayList<>();
            int itemNo = 0;
            for (String[] g : groupLines) {
                List<String> names = DESCRIPTION_COLUMNS.contains(number) ? List.of(g[0]) : splitItems(g[1]);
                List<ColumnItem> items = new ArrayList<>();
                for (String name : names) {
                    itemNo++;
                    items.add(new ColumnItem(id + "-item-" + itemNo, number, itemNo, g[0], name));
                }
                groups.add(new ColumnGroup(g[0], g[1], items));
                node.addParagraph(g[0] + "：" + g[1]);
            }
            if (itemNo == 0) {
                throw error(lineNo, "column 专栏" + number + " has no items");
            }
            parent.children.add(node);
            columns.add(new PlanColumn(id, number, title, parent.id, groups));
            return i;
        }

        // ---- tables ------------------------------------------------------------------------------

        private int readTable(Matcher m, int i) {
            int lineNo = i + 1;
            int number = Integer.parseInt(m.group(1));
            String title = normalizeTitle(m.group(2));
            String id = "table-" + number;
            if (tables.stream().anyMatch(t -> t.id().equals(id))) {
                throw error(lineNo, "duplicate table 表" + number);
            }
            NodeBuilder parent = container(lineNo, "table 表" + number);
            i++;
            List<Cell> headerCells = new ArrayList<>();
            i = readBlock(i, headerCells);
            if (headerCells.isEmpty()) {
                throw error(lineNo, "table 表" + number + " has no header cells");
            }
            List<String> headers = headerCells.stream().map(c -> oneLine(c.text())).toList();
            int categoryCol = column(headers, "分类");
            int numberCol = column(headers, "序号");
            int nameCol = column(headers, "名称");
            int unitCol = column(headers, "单位");
            int attributeCol = column(headers, "属性");
            int targetCol = column(headers, "目标");
            int resultCol = column(headers, "完成");
            if (numberCol < 0 || nameCol < 0 || targetCol < 0) {
                throw error(lineNo, "table 表" + number + " needs 序号, 指标名称 and 目标 columns, has " + headers);
            }
            List<IndicatorRow> rows = new ArrayList<>();
            Set<Integer> seen = new HashSet<>();
            String note = null;
            String category = null;
            while (true) {
                while (i < lines.length && lines[i].isBlank() && !lines[i].startsWith("\t")) {
                    i++;
                }
                if (i >= lines.length || !lines[i].startsWith("\t")) {
                    break;
                }
                String first = lines[i].strip();
                if (first.startsWith("备注")) {
                    note = first;
                    i++;
                    break;
                }
                List<Cell> cells = new ArrayList<>();
                int rowLine = i + 1;
                i = readBlock(i, cells);
                if (cells.size() != headers.size()) {
                    throw error(rowLine, "table 表" + number + " row has " + cells.size() + " cells, the header has "
                            + headers.size());
                }
                Cell numberCell = cells.get(numberCol);
                String numberText = numberCell.text().strip();
                if (!numberText.matches("\\d+")) {
                    throw error(numberCell.line(), "table 表" + number + " 序号 is not a number: '" + numberText + "'");
                }
                int rowNo = Integer.parseInt(numberText);
                if (!seen.add(rowNo)) {
                    throw error(numberCell.line(), "table 表" + number + " repeats 序号 " + rowNo);
                }
                if (categoryCol >= 0) {
                    String c = oneLine(cells.get(categoryCol).text());
                    if (!c.isEmpty()) {
                        category = c;
                    }
                }
                String name = oneLine(cells.get(nameCol).text());
                String unit = null;
                if (unitCol >= 0) {
                    unit = blankToNull(oneLine(cells.get(unitCol).text()));
                } else {
                    Matcher u = TRAILING_UNIT.matcher(name);
                    if (u.matches()) {
                        name = u.group(1).strip();
                        unit = u.group(2).strip();
                    }
                }
                if (name.isEmpty()) {
                    throw error(cells.get(nameCol).line(), "table 表" + number + " row " + rowNo + " has no name");
                }
                String attribute = attributeCol < 0 ? null : blankToNull(oneLine(cells.get(attributeCol).text()));
                IndicatorValue target = IndicatorValue.parse(cells.get(targetCol).text());
                IndicatorValue result = resultCol < 0 ? null : IndicatorValue.parse(cells.get(resultCol).text());
                rows.add(new IndicatorRow(id + "-row-" + rowNo, number, rowNo, categoryCol < 0 ? null : category,
                        name, unit, attribute, target, result));
            }
            if (rows.isEmpty()) {
                throw error(lineNo, "table 表" + number + " has no rows");
            }
            parent.children.add(new NodeBuilder(id, NodeKind.TABLE, "表" + number, number, title));
            tables.add(new IndicatorTable(id, number, title, headers, rows, note));
            return i;
        }

        /**
         * Reads cells from {@code i} up to an empty line or a structural line. A tab starts a cell; a
         * line without one continues the previous cell after a line break.
         */
        private int readBlock(int i, List<Cell> cells) {
            while (i < lines.length) {
                String line = lines[i];
                if (line.startsWith("\t")) {
                    cells.add(new Cell(line.substring(1).strip(), i + 1));
                } else {
                    String s = line.strip();
                    if (s.isEmpty() || isStructural(s)) {
                        break;
                    }
                    if (cells.isEmpty()) {
                        throw error(i + 1, "table text outside a cell: " + abbreviate(s));
                    }
                    Cell last = cells.remove(cells.size() - 1);
                    cells.add(new Cell(last.text() + "\n" + s, last.line()));
                }
                i++;
            }
            return i;
        }

        private static int column(List<String> headers, String word) {
            for (int k = 0; k < headers.size(); k++) {
                if (headers.get(k).contains(word)) {
                    return k;
                }
            }
            return -1;
        }

        // ---- notes -------------------------------------------------------------------------------

        private List<GlossaryNote> notes() {
            List<GlossaryNote> notes = new ArrayList<>();
            boolean anchorsLineUp = anchors.size() == rawNotes.size();
            for (int k = 0; k < rawNotes.size(); k++) {
                RawNote raw = rawNotes.get(k);
                String text = cleanNote(raw.text());
                if (text.isEmpty()) {
                    throw error(raw.line(), "empty glossary note");
                }
                List<String> terms = new ArrayList<>();
                Matcher t = NOTE_TERM.matcher(text);
                while (t.find()) {
                    terms.add(t.group(1).strip());
                }
                String term;
                String paragraphId = null;
                if (!terms.isEmpty()) {
                    term = String.join("、", terms);
                    String key = searchKey(terms.get(0));
                    paragraphId = body.stream().filter(p -> p.text().contains(key)).map(Paragraph::id)
                            .findFirst().orElse(null);
                    if (paragraphId == null && anchorsLineUp) {
                        paragraphId = anchors.get(k).paragraphId();
                    }
                } else if (anchorsLineUp && anchors.get(k).term() != null) {
                    term = anchors.get(k).term();
                    paragraphId = anchors.get(k).paragraphId();
                } else {
                    throw error(raw.line(), "glossary note names no term (term：text) and cannot be matched "
                            + "to a footnote anchor (" + anchors.size() + " anchors, " + rawNotes.size() + " notes)");
                }
                if (paragraphId == null) {
                    throw error(raw.line(), "no paragraph contains the glossary term " + term);
                }
                notes.add(new GlossaryNote("note-" + (k + 1), term, text, paragraphId));
            }
            return notes;
        }

        private static String searchKey(String term) {
            int open = term.indexOf('“');
            int close = open < 0 ? -1 : term.indexOf('”', open);
            return close > open ? term.substring(open, close + 1) : term;
        }
    }

    // ---- text helpers (package-private for tests) -----------------------------------------------

    /** Trims all whitespace (incl. U+3000 and tabs) and collapses inner whitespace runs to one ASCII space. */
    static String normalizeTitle(String s) {
        return s.strip().replaceAll("[\\s\\u3000]+", " ");
    }

    /** Removes line breaks (and whitespace around them) from a table cell. */
    static String oneLine(String cell) {
        return cell.strip().replaceAll("[\\s\\u3000]*\\R[\\s\\u3000]*", "");
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String abbreviate(String s) {
        return s.length() <= 30 ? s : s.substring(0, 30) + "…";
    }

    /**
     * Removes Word field codes and U+FFFD from a note; whitespace next to a non-ASCII character is
     * dropped (Chinese has no spaces), other whitespace runs become one space.
     */
    static String cleanNote(String note) {
        String s = FIELD_CODE.matcher(note).replaceAll("");
        s = s.replace(String.valueOf(NOTE_MARK), "");
        StringBuilder out = new StringBuilder();
        int k = 0;
        while (k < s.length()) {
            char c = s.charAt(k);
            if (Character.isWhitespace(c) || c == '\u00A0') {
                int end = k;
                while (end < s.length() && (Character.isWhitespace(s.charAt(end)) || s.charAt(end) == '\u00A0')) {
                    end++;
                }
                boolean asciiBefore = out.length() > 0 && out.charAt(out.length() - 1) < 128;
                boolean asciiAfter = end < s.length() && s.charAt(end) < 128;
                if (asciiBefore && asciiAfter) {
                    out.append(' ');
                }
                k = end;
            } else {
                out.append(c);
                k++;
            }
        }
        return out.toString().strip();
    }

    /**
     * Splits a list column's text into item names (see the class comment). Package-private for tests.
     */
    static List<String> splitItems(String text) {
        String t = text.strip();
        if (t.endsWith("。")) {
            t = t.substring(0, t.length() - 1).strip();
        }
        List<String> pieces = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        int depth = 0;
        for (int k = 0; k < t.length(); k++) {
            char c = t.charAt(k);
            if (OPENERS.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSERS.indexOf(c) >= 0) {
                depth = Math.max(0, depth - 1);
            }
            if (depth == 0 && (c == '、' || c == '，' || c == '；')) {
                pieces.add(current.toString());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        pieces.add(current.toString());
        List<String> items = new ArrayList<>();
        for (String piece : pieces) {
            String p = piece.strip();
            if (p.endsWith("等")) {
                p = p.substring(0, p.length() - 1).strip();
            }
            if (!p.isEmpty()) {
                items.add(p);
            }
        }
        return items;
    }

    private static final Map<Character, Integer> DIGITS = Map.ofEntries(Map.entry('〇', 0), Map.entry('零', 0),
            Map.entry('一', 1), Map.entry('二', 2), Map.entry('两', 2), Map.entry('三', 3), Map.entry('四', 4),
            Map.entry('五', 5), Map.entry('六', 6), Map.entry('七', 7), Map.entry('八', 8), Map.entry('九', 9));

    /** Reads a Chinese numeral up to the hundreds: {@code 十六} → 16, {@code 四十一} → 41, {@code 一百零五} → 105. */
    static int chineseNumber(String numeral) {
        int total = 0;
        int current = 0;
        for (char c : numeral.toCharArray()) {
            Integer digit = DIGITS.get(c);
            if (digit != null) {
                current = digit;
            } else if (c == '十') {
                total += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '百') {
                total += (current == 0 ? 1 : current) * 100;
                current = 0;
            } else {
                throw new IllegalArgumentException("not a Chinese numeral: " + numeral);
            }
        }
        return total + current;
    }
}
