package org.planmap.progress;

import java.net.URI;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules a progress change must meet, the same for a bulk import row and for one item entered in the staff
 * form. Fields arrive as text (a CSV cell, a form field); {@link #check} either returns the typed entry or every
 * reason the fields are refused, in English and Chinese.
 */
final class ProgressRules {
    static final int MAX_NOTE = 2000;
    static final int MAX_URL = 1000;
    private static final DateTimeFormatter SLASHED = DateTimeFormatter.ofPattern("yyyy/M/d");
    private static final DateTimeFormatter DOTTED = DateTimeFormatter.ofPattern("yyyy.M.d");

    /** One refused field: which, and why (English, Chinese). */
    record Problem(String field, String reason, String reasonZh) { }

    /** The entry, or the problems (then entry is null). */
    record Checked(ProgressEntry entry, List<Problem> problems) {
        boolean ok() {
            return problems.isEmpty();
        }
    }

    private ProgressRules() { }

    /**
     * @param fields   catalogueId, status, asOf, startDate, finishDate, percentDone, investment, note, evidenceUrl
     *                 (missing or blank = not given)
     * @param known    every catalogue item id
     * @param today    the last day a change may take effect (no progress is recorded ahead of time)
     */
    static Checked check(Map<String, String> fields, Set<String> known, LocalDate today) {
        List<Problem> problems = new ArrayList<>();
        String itemId = text(fields, "catalogueId");
        if (itemId == null) problems.add(new Problem("catalogueId", "catalogueId is missing", "缺少项目编号 catalogueId"));
        else if (!known.contains(itemId)) {
            problems.add(new Problem("catalogueId", "no catalogue item '" + itemId + "' (ids look like col-8-item-3)",
                    "项目库中没有“" + itemId + "”（编号形如 col-8-item-3）"));
        }
        ProgressStatus status = null;
        String statusText = text(fields, "status");
        if (statusText == null) problems.add(new Problem("status", "status is missing", "缺少状态 status"));
        else {
            status = ProgressStatus.parse(statusText).filter(ProgressStatus::recordable).orElse(null);
            if (status == null) {
                problems.add(new Problem("status", "unknown status '" + statusText + "' (one of " + codes() + ")",
                        "未知状态“" + statusText + "”（应为 " + namesZh() + " 之一）"));
            }
        }
        LocalDate asOf = date(fields, "asOf", problems);
        if (asOf == null && text(fields, "asOf") == null) asOf = today;
        if (asOf != null && asOf.isAfter(today)) {
            problems.add(new Problem("asOf", "asOf " + asOf + " is in the future: record progress when it happens",
                    "日期 " + asOf + " 在今天之后：请在发生后填报"));
        }
        LocalDate start = date(fields, "startDate", problems);
        LocalDate finish = date(fields, "finishDate", problems);
        if (start != null && finish != null && finish.isBefore(start)) {
            problems.add(new Problem("finishDate", "finishDate " + finish + " is before startDate " + start,
                    "完工日期 " + finish + " 早于开工日期 " + start));
        }
        Integer percent = null;
        String percentText = text(fields, "percentDone");
        if (percentText != null) {
            String p = percentText.endsWith("%") ? percentText.substring(0, percentText.length() - 1).strip() : percentText;
            if (!p.matches("\\d{1,3}") || Integer.parseInt(p) > 100) {
                problems.add(new Problem("percentDone", "percentDone '" + percentText + "' is not a whole number from 0 to 100",
                        "完成比例“" + percentText + "”不是 0 到 100 的整数"));
            } else {
                percent = Integer.parseInt(p);
            }
        }
        if (percent != null && status == ProgressStatus.COMPLETED && percent != 100) {
            problems.add(new Problem("percentDone", "a completed item is 100 % done, not " + percent + " %",
                    "已建成项目的完成比例应为 100%，而非 " + percent + "%"));
        }
        if (percent != null && status == ProgressStatus.NOT_STARTED && percent != 0) {
            problems.add(new Problem("percentDone", "an item not started is 0 % done, not " + percent + " %",
                    "未开工项目的完成比例应为 0%，而非 " + percent + "%"));
        }
        Double investment = null;
        String investmentText = text(fields, "investment");
        if (investmentText != null) {
            String v = investmentText.replace(",", "");
            try {
                investment = Double.valueOf(v);
                if (!Double.isFinite(investment) || investment < 0 || !v.matches("[0-9.eE+]+")) throw new NumberFormatException();
            } catch (NumberFormatException e) {
                investment = null;
                problems.add(new Problem("investment", "investment '" + investmentText + "' is not an amount (万元, 0 or more)",
                        "累计投资“" + investmentText + "”不是金额（万元，不小于 0）"));
            }
        }
        String note = text(fields, "note");
        if (note != null && note.length() > MAX_NOTE) {
            problems.add(new Problem("note", "note is longer than " + MAX_NOTE + " characters", "说明超过 " + MAX_NOTE + " 字"));
        }
        String url = text(fields, "evidenceUrl");
        if (url != null && !isWebLink(url)) {
            problems.add(new Problem("evidenceUrl", "evidenceUrl must be an http(s) link of at most " + MAX_URL + " characters",
                    "佐证链接须为 http(s) 网址，不超过 " + MAX_URL + " 字符"));
        }
        if (!problems.isEmpty()) return new Checked(null, List.copyOf(problems));
        return new Checked(new ProgressEntry(itemId, asOf, status, start, finish, percent, investment, note, url), List.of());
    }

    static boolean isWebLink(String url) {
        if (url.length() > MAX_URL) return false;
        try {
            URI u = new URI(url);
            return ("http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme())) && u.getHost() != null;
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static LocalDate date(Map<String, String> fields, String name, List<Problem> problems) {
        String t = text(fields, name);
        if (t == null) return null;
        for (DateTimeFormatter f : List.of(DateTimeFormatter.ISO_LOCAL_DATE, SLASHED, DOTTED)) {
            try {
                return LocalDate.parse(t, f);
            } catch (DateTimeParseException e) {
                // try the next form a spreadsheet writes
            }
        }
        problems.add(new Problem(name, name + " '" + t + "' is not a date (2024-06-30)", name + "“" + t + "”不是日期（如 2024-06-30）"));
        return null;
    }

    private static String text(Map<String, String> fields, String name) {
        String v = fields.get(name);
        if (v == null) return null;
        v = v.strip();
        return v.isEmpty() ? null : v;
    }

    private static String codes() {
        return String.join(", ", java.util.Arrays.stream(ProgressStatus.values()).filter(ProgressStatus::recordable)
                .map(ProgressStatus::code).toList());
    }

    private static String namesZh() {
        return String.join("、", java.util.Arrays.stream(ProgressStatus.values()).filter(ProgressStatus::recordable)
                .map(ProgressStatus::zh).toList());
    }
}
