package org.planmap.indicators;

import java.util.List;

/**
 * A numeric target written in the plan's text (not in the indicator tables), e.g. “到2025年，推动园区空间拓展至
 * 15平方公里”.
 *
 * @param id            {@code {paragraphId}-t{k}} (k counts targets within the paragraph, from 1)
 * @param sectionId     the plan node owning the paragraph (section, chapter or column id)
 * @param paragraphId   the paragraph
 * @param value         the number as written (15 for “15平方公里”, 2.5 for “2.5万个”, the lower end of “3—5条”)
 * @param valueMax      the upper end of a range (“3—5条” → 5), else {@code null}
 * @param unit          the unit as written, with its magnitude (平方公里, 万平方米, 亿元, %, 班)
 * @param comparator    {@code ≥} (以上, 不低于, 不少于), {@code >} (超过, 突破, 超), {@code ≤} (以内, 以下, 不超过, 控制在) or {@code null}
 * @param approximately 约 / 左右
 * @param year          the year stated in the sentence (到2025年, 2025年前), else {@code null} (the plan period)
 * @param label         the clause holding the number (what the number measures)
 * @param match         the matched text (“拓展至15平方公里”)
 * @param rule          which extraction rule accepted it: {@code cue} (a target verb before the number) or {@code rate}
 *                      (a rate or share followed directly by a percentage)
 * @param sentence      the whole source sentence
 * @param features      ids of the map features linked to the section (filled by {@link IndicatorLinks})
 */
public record QuantifiedTarget(String id, String sectionId, String paragraphId, double value, Double valueMax,
        String unit, String comparator, boolean approximately, Integer year, String label, String match, String rule,
        String sentence, List<String> features) {

    public QuantifiedTarget withFeatures(List<String> ids) {
        return new QuantifiedTarget(id, sectionId, paragraphId, value, valueMax, unit, comparator, approximately, year,
                label, match, rule, sentence, List.copyOf(ids));
    }
}
