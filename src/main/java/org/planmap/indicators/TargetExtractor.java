package org.planmap.indicators;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.planmap.plan.Paragraph;
import org.planmap.plan.PlanDocument;
import org.planmap.plan.PlanNode;

/**
 * Finds quantified targets in the plan's sentences with regular expressions.
 *
 * <p>Rules (see {@code docs/indicators.md} for the measured coverage and a hand-checked sample):
 * <ol>
 * <li>A sentence ends at {@code 。；！？}; a clause at {@code ，：} as well. Only Arabic numerals are read
 *     (“千亿级”, “两大” are words, not targets).</li>
 * <li>A quantity is a number (or a range {@code 3—5}, {@code 2-3}) followed by a unit from a fixed list, with an
 *     optional magnitude {@code 万/亿/千} ({@code 50万平方米}, {@code 1400亿元}, {@code 5000班}, {@code 30%}). Hours and
 *     minutes ({@code 24小时城市书房}, {@code 15分钟生活圈}) are service descriptions, not targets, and are not units.</li>
 * <li>Rule {@code cue}: the clause, before the number, holds a target verb ({@link #CUES}: 达到, 新增, 建成, 完成,
 *     开行, 拓展至, 突破, 控制在, …). So “农村公交1公里覆盖率达到100%” yields 100% but not the qualifier 1公里.
 *     {@code 建成区} (built-up area) is a noun and is not the cue {@code 建成}.</li>
 * <li>Rule {@code rate}: a percentage directly after 率/比重/占比 (“城市建成区绿化覆盖率40%”).</li>
 * <li>Comparator from the words around the number: 以上/不低于/不少于 → ≥, 超过/突破/超 → &gt;, 以内/以下/不超过/控制在 → ≤;
 *     约/左右 → approximately; an item right after another in a list (“超15%、31%”) inherits its comparator.
 *     The year is the last 20xx年 (≥ 2021) stated before the number in its sentence (“到2025年，开行…”); a year
 *     written after the number governs the clauses after it, not this one.</li>
 * <li>{@link #extractAll} skips the review of the 13th plan ({@link #REVIEW_SECTIONS}): its numbers are results,
 *     not targets.</li>
 * </ol>
 */
public final class TargetExtractor {

    /** Sections whose numbers report past results. */
    public static final Set<String> REVIEW_SECTIONS = Set.of("p1-c1-s1");

    static final String UNITS = "平方公里|平方米|公里|千米|亿美元|美元|元|人次|人|个|家|所|班|列|辆|件|吨|%|％|天|张|亩|座|条|套|户|项|处|公顷"
            + "|千瓦|标箱|床|名|支|岁|台";
    private static final Pattern QUANTITY = Pattern.compile(
            "(?<![\\d.A-Za-z])(\\d+(?:\\.\\d+)?)(?:\\s*[—–\\-~～]{1,2}\\s*(\\d+(?:\\.\\d+)?))?\\s*((?:万|亿|千)?(?:" + UNITS
                    + "))");
    static final List<String> CUES = List.of("达到", "达", "突破", "超过", "超", "新增", "建成", "建设", "完成", "开行",
            "拓展至", "提升至", "提高到", "提高至", "增至", "控制在", "保持在", "维持在", "保持", "不低于", "不少于", "引育", "引进",
            "培育", "打造", "新建", "改造", "累计", "增长", "增速", "实现", "开辟", "提供", "形成", "创建", "启动", "组建",
            "开发", "实施", "力争", "引导建成", "规划建设", "高于");
    private static final Pattern RATE_BEFORE = Pattern.compile("(率|比重|占比)$");
    private static final Pattern YEAR = Pattern.compile("(20\\d\\d)年");
    private static final Pattern SENTENCE = Pattern.compile("[^。；！？]+[。；！？]?");

    private TargetExtractor() {
    }

    /** All targets in the plan's paragraphs, in source order, skipping {@link #REVIEW_SECTIONS}. */
    public static List<QuantifiedTarget> extractAll(PlanDocument plan) {
        List<QuantifiedTarget> all = new ArrayList<>();
        plan.walk().forEach(node -> {
            if (REVIEW_SECTIONS.contains(node.id())) {
                return;
            }
            for (Paragraph p : node.paragraphs()) {
                all.addAll(extract(node, p));
            }
        });
        return List.copyOf(all);
    }

    static List<QuantifiedTarget> extract(PlanNode node, Paragraph paragraph) {
        List<QuantifiedTarget> out = new ArrayList<>();
        if (paragraph.text().contains("HYPERLINK")) {
            return out; // a pasted link field from the word processor, not plan text
        }
        Matcher s = SENTENCE.matcher(paragraph.text());
        while (s.find()) {
            String sentence = s.group().strip();
            for (Found f : extract(sentence)) {
                out.add(new QuantifiedTarget(paragraph.id() + "-t" + (out.size() + 1), node.id(), paragraph.id(),
                        f.value(), f.valueMax(), f.unit(), f.comparator(), f.approximately(), f.year(), f.label(),
                        f.match(), f.rule(), sentence, List.of()));
            }
        }
        return out;
    }

    /** A target found in one sentence, before it is tied to its paragraph. */
    public record Found(double value, Double valueMax, String unit, String comparator, boolean approximately,
            Integer year, String label, String match, String rule) {
    }

    /** The targets in one sentence (pure; used by the tests). */
    public static List<Found> extract(String sentence) {
        List<Found> out = new ArrayList<>();
        int clauseStart = 0;
        Found previous = null;
        int previousEnd = -1;
        Matcher q = QUANTITY.matcher(sentence);
        while (q.find()) {
            Integer year = yearBefore(sentence, q.start());
            clauseStart = clauseStart(sentence, q.start());
            int clauseEnd = clauseEnd(sentence, q.end());
            String before = sentence.substring(clauseStart, q.start());
            String after = sentence.substring(q.end(), Math.min(sentence.length(), q.end() + 4));
            String rule = null;
            String cue = lastCue(before);
            if (cue != null) {
                rule = "cue";
            } else if (q.group(3).matches("[%％]") && RATE_BEFORE.matcher(before.strip()).find()) {
                rule = "rate";
            }
            if (rule == null) {
                continue;
            }
            String comparator = null;
            if (after.startsWith("以上") || before.endsWith("不低于") || before.endsWith("不少于")) {
                comparator = "≥";
            } else if (after.startsWith("以内") || after.startsWith("以下") || before.endsWith("不超过")
                    || before.endsWith("控制在")) {
                comparator = "≤";
            } else if (before.endsWith("超过") || before.endsWith("突破") || before.endsWith("超")
                    || before.endsWith("高于")) {
                comparator = ">";
            }
            // “超15%、31%”: a list item right after another inherits its comparator
            if (comparator == null && previous != null && previous.comparator() != null
                    && sentence.substring(previousEnd, q.start()).matches("(以上|以内|以下)?、")) {
                comparator = previous.comparator();
            }
            boolean approximately = after.startsWith("左右") || before.endsWith("约");
            String unit = q.group(3).replace('％', '%');
            int matchStart = q.start();
            if (cue != null) {
                // a cue shared by a list (“新增A150家、B1400家”) starts the match only for the first item
                int cueAt = clauseStart + before.lastIndexOf(cue);
                int itemAt = clauseStart + before.lastIndexOf('、') + 1;
                matchStart = Math.max(cueAt, before.lastIndexOf('、') >= 0 ? itemAt : cueAt);
            }
            Found found = new Found(Double.parseDouble(q.group(1)), q.group(2) == null ? null
                    : Double.valueOf(q.group(2)), unit, comparator, approximately, year,
                    sentence.substring(clauseStart, clauseEnd).strip(), sentence.substring(matchStart, q.end()), rule);
            out.add(found);
            previous = found;
            previousEnd = q.end();
        }
        return out;
    }

    /** The last year ≥ 2021 stated before this position of the sentence (“到2025年，…”), else {@code null}. */
    private static Integer yearBefore(String sentence, int position) {
        Integer year = null;
        Matcher y = YEAR.matcher(sentence.substring(0, position));
        while (y.find()) {
            int v = Integer.parseInt(y.group(1));
            if (v >= 2021) {
                year = v;
            }
        }
        return year;
    }

    private static String lastCue(String before) {
        int best = -1;
        String found = null;
        for (String cue : CUES) {
            int i = before.lastIndexOf(cue);
            while (i >= 0 && cue.equals("建成") && before.startsWith("建成区", i)) {
                i = i == 0 ? -1 : before.lastIndexOf(cue, i - 1); // 建成区 is a noun (built-up area), not a verb
            }
            if (i > best || (i == best && i >= 0 && cue.length() > found.length())) {
                best = i;
                found = cue;
            }
        }
        return found;
    }

    private static int clauseStart(String s, int from) {
        for (int i = from - 1; i >= 0; i--) {
            if ("，,：:。；！？".indexOf(s.charAt(i)) >= 0) {
                return i + 1;
            }
        }
        return 0;
    }

    private static int clauseEnd(String s, int from) {
        for (int i = from; i < s.length(); i++) {
            if ("，,：:。；！？".indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return s.length();
    }
}
