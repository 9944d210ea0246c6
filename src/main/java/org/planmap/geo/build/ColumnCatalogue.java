package org.planmap.geo.build;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the 17 专栏 (columns) of the plan text and splits them into catalogue items
 * {@code col-N-item-K}.
 *
 * <p>Rules (shared with the plan parser):
 * <ul>
 *   <li>A column starts at a line {@code 专栏N：title} and ends at a blank line, a heading line
 *       ({@code 第…篇/章/节}) or the next column.</li>
 *   <li>A line with {@code ：} starts a group; a line without it continues the previous line
 *       (专栏13 ends with {@code 等。} on its own line).</li>
 *   <li>Columns 2, 8, 9 and 11 are description columns: one item per line, the item is the text
 *       before {@code ：}.</li>
 *   <li>Other columns: the text after {@code ：} is split on {@code 、，；} outside the brackets and
 *       quotes {@code （）()“”《》「」【】}; from each piece a trailing {@code 。} and then a trailing
 *       {@code 等} are stripped; empty pieces are dropped.</li>
 *   <li>The group ({@code columnGroup}) is the label before {@code ：}.</li>
 * </ul>
 */
final class ColumnCatalogue {

    /** One catalogue item. */
    record Item(String id, int column, int itemNo, String group, String name) {
    }

    static final Set<Integer> DESCRIPTION_COLUMNS = Set.of(2, 8, 9, 11);

    private static final Pattern COLUMN_START = Pattern.compile("^\\s*专栏(\\d+)：(.*)$");
    private static final Pattern HEADING = Pattern.compile("^\\s*第[一二三四五六七八九十百零0-9]+[篇章节].*");
    private static final String OPEN = "（(“《「【";
    private static final String CLOSE = "）)”》」】";

    private ColumnCatalogue() {
    }

    static List<Item> read(Path planText) throws IOException {
        List<String> lines = Files.readAllLines(planText);
        List<Item> items = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            Matcher m = COLUMN_START.matcher(lines.get(i));
            if (!m.matches()) {
                continue;
            }
            int column = Integer.parseInt(m.group(1));
            List<String> groupLines = new ArrayList<>();
            for (int j = i + 1; j < lines.size(); j++) {
                String line = lines.get(j).strip();
                if (line.isEmpty() || HEADING.matcher(line).matches() || COLUMN_START.matcher(line).matches()) {
                    break;
                }
                if (line.contains("：") || groupLines.isEmpty()) {
                    groupLines.add(line);
                } else {
                    groupLines.set(groupLines.size() - 1, groupLines.get(groupLines.size() - 1) + line);
                }
            }
            int k = 0;
            for (String g : groupLines) {
                int colon = g.indexOf('：');
                String label = colon < 0 ? "" : g.substring(0, colon).strip();
                String body = colon < 0 ? g : g.substring(colon + 1);
                if (DESCRIPTION_COLUMNS.contains(column)) {
                    k++;
                    items.add(new Item("col-" + column + "-item-" + k, column, k, label, label));
                    continue;
                }
                for (String piece : split(body)) {
                    k++;
                    items.add(new Item("col-" + column + "-item-" + k, column, k, label, piece));
                }
            }
        }
        return items;
    }

    /** Splits on 、，； outside brackets/quotes and cleans each piece. */
    static List<String> split(String body) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (OPEN.indexOf(c) >= 0) {
                depth++;
            } else if (CLOSE.indexOf(c) >= 0 && depth > 0) {
                depth--;
            }
            if (depth == 0 && (c == '、' || c == '，' || c == '；')) {
                addPiece(out, cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        addPiece(out, cur.toString());
        return out;
    }

    private static void addPiece(List<String> out, String raw) {
        String p = raw.strip();
        if (p.endsWith("。")) {
            p = p.substring(0, p.length() - 1).strip();
        }
        if (p.endsWith("等")) {
            p = p.substring(0, p.length() - 1).strip();
        }
        if (!p.isEmpty()) {
            out.add(p);
        }
    }
}
