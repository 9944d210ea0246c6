package org.planmap.progress;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import org.planmap.system.Csv;

/**
 * Reads and checks a bulk progress file (CSV, as written by hand or exported from Excel, UTF-8 or GB18030) and
 * works out what it would change. Nothing here writes: {@link ProgressService} stores {@link Report#changes()} only
 * when {@link Report#valid()} — every row good — so a file is taken whole or not at all.
 */
final class ProgressImport {
    static final List<String> COLUMNS = List.of("catalogueId", "status", "asOf", "startDate", "finishDate", "percentDone",
            "investment", "note", "evidenceUrl");
    static final int MAX_ROWS = 5000;

    /** A row the file would store: the item's state before (as of the row's date; null = not recorded) and after. */
    record Change(int line, String catalogueId, String name, LocalDate asOf, ProgressRecord before, ProgressEntry after) { }

    /** A refused row (line 0 = the file as a whole) and every reason. */
    record Rejection(int line, String catalogueId, List<ProgressRules.Problem> problems) { }

    /**
     * @param rows      data rows read
     * @param unchanged rows that say what is already recorded for their date (not stored again)
     */
    record Report(boolean valid, int rows, List<Change> changes, int unchanged, List<Rejection> rejected) {
        List<ProgressEntry> entries() {
            return changes.stream().map(Change::after).toList();
        }
    }

    private ProgressImport() { }

    /**
     * @param names   catalogue item id → its name (every item the file may name)
     * @param stateOn the stored state of an item on a day (null when not recorded)
     */
    static Report read(byte[] file, Map<String, String> names, LocalDate today,
                       BiFunction<String, LocalDate, ProgressRecord> stateOn) {
        String text = decode(file);
        List<Map<String, String>> records;
        List<List<String>> rows;
        try {
            rows = Csv.parse(text);
            records = Csv.records(text);
        } catch (IllegalArgumentException e) {
            return fileProblem("the file is not CSV: " + e.getMessage(), "文件不是 CSV：" + e.getMessage());
        }
        if (rows.isEmpty()) return fileProblem("the file is empty", "文件为空");
        List<String> header = rows.get(0).stream().map(String::strip).toList();
        List<String> unknown = header.stream().filter(h -> !COLUMNS.contains(h)).toList();
        if (!unknown.isEmpty()) {
            return fileProblem("unknown columns " + unknown + "; the columns are " + COLUMNS, "未知列 " + unknown + "；可用列为 " + COLUMNS);
        }
        if (!header.contains("catalogueId") || !header.contains("status")) {
            return fileProblem("the header must name at least catalogueId and status", "表头至少应有 catalogueId 和 status 两列");
        }
        if (records.isEmpty()) return fileProblem("the file has a header but no rows", "文件只有表头，没有数据行");
        if (records.size() > MAX_ROWS) {
            return fileProblem("the file has " + records.size() + " rows, more than " + MAX_ROWS, "文件有 " + records.size() + " 行，超过 " + MAX_ROWS + " 行上限");
        }
        Set<String> known = names.keySet();
        List<Change> changes = new ArrayList<>();
        List<Rejection> rejected = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        int unchanged = 0;
        for (int i = 0; i < records.size(); i++) {
            int line = i + 2;
            Map<String, String> fields = new LinkedHashMap<>();
            records.get(i).forEach((k, v) -> fields.put(k.strip(), v));
            if (rows.get(i + 1).size() > header.size()) {
                rejected.add(new Rejection(line, fields.get("catalogueId"), List.of(new ProgressRules.Problem("",
                        "the row has " + rows.get(i + 1).size() + " fields, the header " + header.size() + " (a comma in a field needs quotes)",
                        "该行有 " + rows.get(i + 1).size() + " 个字段，表头只有 " + header.size() + " 个（字段中的逗号须加引号）"))));
                continue;
            }
            ProgressRules.Checked checked = ProgressRules.check(fields, known, today);
            if (!checked.ok()) {
                rejected.add(new Rejection(line, fields.get("catalogueId"), checked.problems()));
                continue;
            }
            ProgressEntry e = checked.entry();
            String key = e.itemId() + "|" + e.effectiveDate();
            Integer first = seen.putIfAbsent(key, line);
            if (first != null) {
                rejected.add(new Rejection(line, e.itemId(), List.of(new ProgressRules.Problem("catalogueId",
                        e.itemId() + " as of " + e.effectiveDate() + " is already on line " + first + ": which one holds?",
                        e.itemId() + " 在 " + e.effectiveDate() + " 的进展已在第 " + first + " 行填写，不能重复"))));
                continue;
            }
            ProgressRecord before = stateOn.apply(e.itemId(), e.effectiveDate());
            if (before != null && before.effectiveDate().equals(e.effectiveDate()) && before.sameStateAs(e)) {
                unchanged++;
                continue;
            }
            changes.add(new Change(line, e.itemId(), names.get(e.itemId()), e.effectiveDate(), before, e));
        }
        return new Report(rejected.isEmpty(), records.size(), List.copyOf(changes), unchanged, List.copyOf(rejected));
    }

    private static Report fileProblem(String reason, String reasonZh) {
        return new Report(false, 0, List.of(), 0, List.of(new Rejection(0, null, List.of(new ProgressRules.Problem("", reason, reasonZh)))));
    }

    /** UTF-8 (with or without BOM) when the bytes are UTF-8, else GB18030 (what Excel on a Chinese Windows writes). */
    static String decode(byte[] bytes) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            return new String(bytes, Charset.forName("GB18030"));
        }
    }
}
