package org.planmap.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Reads the real plan outline and checks the structure against counts taken by reading the source. */
class PlanParserTests {

    static final Path SOURCE = Path.of(System.getenv().getOrDefault("PLANMAP_PROJECT_DIR", "."),
            "geodata/plan/shapingba-14th-five-year-plan-outline.txt");

    static PlanDocument plan;

    @BeforeAll
    static void parse() throws IOException {
        plan = PlanParser.parse(SOURCE);
    }

    private static List<PlanNode> nodes(NodeKind kind) {
        return plan.walk().filter(n -> n.kind() == kind).toList();
    }

    private static IndicatorRow row(int table, int number) {
        return plan.indicator("table-" + table + "-row-" + number).orElseThrow();
    }

    // ---- structure -------------------------------------------------------------------------------

    @Test
    void titleJoinsTheTwoLeadingLines() {
        assertThat(plan.title()).isEqualTo("重庆市沙坪坝区国民经济和社会发展第十四个五年规划和二〇三五年远景目标纲要");
        assertThat(plan.preamble()).extracting(Paragraph::id).containsExactly("preamble-para-1");
    }

    @Test
    void hasElevenPartsAndFortyOneChaptersNumberedGlobally() {
        assertThat(plan.parts()).hasSize(11);
        assertThat(plan.parts()).extracting(PlanNode::id).startsWith("p1", "p2").endsWith("p11");
        List<PlanNode> chapters = nodes(NodeKind.CHAPTER);
        assertThat(chapters).hasSize(41);
        for (int k = 0; k < chapters.size(); k++) {
            assertThat(chapters.get(k).ordinal()).isEqualTo(k + 1);
        }
        assertThat(nodes(NodeKind.SECTION)).hasSize(110);
    }

    @Test
    void sectionIdsRestartInEachChapter() {
        PlanNode s = plan.node("p6-c16-s1").orElseThrow();
        assertThat(s.kind()).isEqualTo(NodeKind.SECTION);
        assertThat(s.number()).isEqualTo("第一节");
        assertThat(s.ordinal()).isEqualTo(1);
        assertThat(s.title()).isEqualTo("东部人文母城");
        assertThat(plan.node("p2-c4-s1").orElseThrow().title()).isEqualTo("优化科创生态功能布局");
        assertThat(plan.parentOf("p6-c16-s1")).contains("p6-c16");
        assertThat(plan.parentOf("p6-c16")).contains("p6");
        assertThat(plan.parentOf("p6")).isEmpty();
    }

    @Test
    void headingsWithSingleOrIdeographicSpacesAreRead() {
        PlanNode c7 = plan.node("p3-c7").orElseThrow();
        assertThat(c7.number()).isEqualTo("第七章");
        assertThat(c7.ordinal()).isEqualTo(7);
        assertThat(c7.title()).isEqualTo("坚定不移壮大先进制造业集群");
        assertThat(plan.node("p2-c6").orElseThrow().title()).isEqualTo("加强建设人才强区");
        assertThat(plan.node("p1").orElseThrow().title()).isEqualTo("开启社会主义现代化建设新征程");
        assertThat(plan.node("p6-c19-s2").orElseThrow().title()).isEqualTo("深入推进城乡融合发展");
        assertThat(plan.node("p4-c16")).isEmpty();
    }

    @Test
    void titlesHaveNoSurroundingWhitespace() {
        assertThat(plan.walk()).allSatisfy(n -> {
            assertThat(n.title()).isNotBlank().isEqualTo(n.title().strip());
            assertThat(n.title()).doesNotContain("\u3000", "\t", "  ");
        });
    }

    @Test
    void introParagraphsBelongToThePartOrChapter() {
        assertThat(plan.node("p1").orElseThrow().paragraphs()).extracting(Paragraph::id).containsExactly("p1-para-1");
        assertThat(plan.node("p1-c2").orElseThrow().paragraphs()).hasSize(7);
        assertThat(plan.node("p1-c2").orElseThrow().children()).isEmpty();
        assertThat(plan.parentOf("p1-c2-para-3")).contains("p1-c2");
    }

    @Test
    void everyParagraphIdIsUniqueAndEveryParagraphHasText() {
        List<Paragraph> all = plan.allParagraphs();
        Set<String> ids = new HashSet<>();
        assertThat(all).allSatisfy(p -> {
            assertThat(ids.add(p.id())).as("unique %s", p.id()).isTrue();
            assertThat(p.text()).isNotBlank().isEqualTo(p.text().strip());
        });
        Set<String> nodeIds = new HashSet<>();
        assertThat(plan.walk()).allSatisfy(n -> assertThat(nodeIds.add(n.id())).as("unique %s", n.id()).isTrue());
    }

    // ---- hard-wrapped paragraphs -----------------------------------------------------------------

    @Test
    void hardWrappedLinesNineAndTenAreOneParagraph() {
        Paragraph p = plan.paragraph("p1-c1-s1-para-2").orElseThrow();
        assertThat(p.text()).startsWith("综合实力跃上新台阶。").contains("“芯核器网服”智能产业全面发展")
                .endsWith("发展质量和效益明显提升。");
        assertThat(plan.allParagraphs()).filteredOn(q -> q.text().startsWith("智能产业全面发展")).isEmpty();
    }

    @Test
    void otherHardWrapsAreJoined() {
        assertThat(paragraphContaining("“四向齐发”国际开放大通道全面形成")).isNotNull();
        assertThat(paragraphContaining("“两不愁三保障”突出问题动态清零")).isNotNull();
        assertThat(paragraphContaining("“一区两群”协调发展不断深入")).isNotNull();
        assertThat(paragraphContaining("《科学城“五个科学”“五个科技”实施方案》")).isNotNull();
        assertThat(paragraphContaining("“云联数算融”，着力培育引进")).isNotNull();
        assertThat(paragraphContaining("争取QFLP试点额度")).isNotNull();
        assertThat(paragraphContaining("践行“两山论”“两化路”的新示范。").id()).isEqualTo("p6-c16-s3-para-1");
        assertThat(paragraphContaining("“双随机、一公开”监管与信用等级相结合")).isNotNull();
        // no paragraph is a wrapped remainder on its own
        assertThat(plan.allParagraphs()).noneMatch(p -> p.text().equals("的新示范。"));
    }

    @Test
    void bodyParagraphsEndWithSentencePunctuation() {
        assertThat(plan.allParagraphs()).filteredOn(p -> !p.id().startsWith("col-"))
                .allSatisfy(p -> assertThat(p.text()).endsWith("。"));
    }

    private static Paragraph paragraphContaining(String text) {
        return plan.allParagraphs().stream().filter(p -> p.text().contains(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no paragraph contains " + text));
    }

    // ---- columns ---------------------------------------------------------------------------------

    @Test
    void seventeenColumnsWithItemCountsReadFromTheSource() {
        Map<Integer, Integer> counts = plan.columns().stream().collect(Collectors.toMap(PlanColumn::number,
                c -> c.allItems().size(), (a, b) -> a, LinkedHashMap::new));
        Map<Integer, Integer> expected = new LinkedHashMap<>();
        int[] perColumn = {43, 4, 24, 32, 17, 9, 32, 4, 5, 36, 5, 56, 12, 28, 21, 35, 30};
        for (int k = 0; k < perColumn.length; k++) {
            expected.put(k + 1, perColumn[k]);
        }
        assertThat(counts).containsExactlyEntriesOf(expected);
        assertThat(counts.values().stream().mapToInt(Integer::intValue).sum()).isEqualTo(393);
        assertThat(nodes(NodeKind.COLUMN)).hasSize(17);
    }

    @Test
    void columnsAreChildrenOfTheSectionWhereTheyAppear() {
        assertThat(plan.column("col-8").orElseThrow().parentId()).isEqualTo("p6-c17-s4");
        assertThat(plan.parentOf("col-12")).contains("p6-c20-s1");
        assertThat(plan.node("p6-c20-s1").orElseThrow().children()).extracting(PlanNode::id).containsExactly("col-12");
        PlanNode col8 = plan.node("col-8").orElseThrow();
        assertThat(col8.number()).isEqualTo("专栏8");
        assertThat(col8.title()).isEqualTo("“山水城”风貌展示区重点板块");
        assertThat(plan.column("col-11").orElseThrow().parentId()).isEqualTo("p6-c19-s2");
    }

    @Test
    void descriptionColumnItemIsTheName() {
        assertThat(plan.column("col-9").orElseThrow().allItems()).extracting(ColumnItem::name).containsExactly(
                "青凤高新产业示范区", "重庆国际物流城开放引领示范区", "环大学城创新生态示范区", "高铁站城融合示范区",
                "科学大道高质量发展示范带");
        assertThat(plan.item("col-8-item-1").orElseThrow().name()).isEqualTo("嘉陵江智慧湾区");
        assertThat(plan.item("col-2-item-4").orElseThrow().name()).isEqualTo("人才联动服务示范工程");
        assertThat(plan.item("col-11-item-5").orElseThrow().name()).isEqualTo("乡村组织振兴工程");
    }

    @Test
    void listColumnSplitsOnSeparatorsOutsideBrackets() {
        PlanColumn col12 = plan.column("col-12").orElseThrow();
        assertThat(col12.groups().get(1).label()).isEqualTo("轨道线路");
        assertThat(col12.groups().get(1).items()).extracting(ColumnItem::name)
                .containsExactly("轨道9号线一期", "7号线一期工程", "17号线一期", "15号线", "27号线");
        assertThat(plan.item("col-12-item-5").orElseThrow())
                .isEqualTo(new ColumnItem("col-12-item-5", 12, 5, "轨道线路", "轨道9号线一期"));
        assertThat(names(1)).contains("重庆（深圳）离岸创新创业孵化器与重电“焕智”机器人创客创新基地",
                "西部（重庆）工业设计联合创新学院");
        assertThat(names(4)).contains("“一带一路”国际商品交易中心");
        assertThat(names(10)).contains("国际物流园区智能充电（“智慧停车”云平台）");
        assertThat(names(12)).contains("S107气象局至金刚坡", "农村公路238公里");
        assertThat(names(6)).endsWith("四好农村公路建设");
        assertThat(plan.parentOf("col-12-item-5")).contains("col-12");
    }

    @Test
    void wrappedColumnLineIsJoined() {
        PlanColumn col13 = plan.column("col-13").orElseThrow();
        assertThat(col13.groups()).hasSize(2);
        assertThat(col13.groups().get(1).text()).endsWith("沙坪坝区互联网医院等。");
        assertThat(names(13)).endsWith("沙坪坝区互联网医院");
    }

    @Test
    void noItemIsBlankOrKeepsListPunctuation() {
        assertThat(plan.columns().stream().flatMap(c -> c.allItems().stream())).allSatisfy(i -> {
            assertThat(i.name()).isNotBlank().doesNotEndWith("等").doesNotEndWith("。");
            assertThat(i.name()).doesNotStartWith("、").doesNotStartWith("，");
            assertThat(i.id()).isEqualTo("col-" + i.column() + "-item-" + i.number());
        });
    }

    private static List<String> names(int column) {
        return plan.column("col-" + column).orElseThrow().allItems().stream().map(ColumnItem::name).toList();
    }

    // ---- tables ----------------------------------------------------------------------------------

    @Test
    void tablesHaveFortyAndTwentySevenRows() {
        assertThat(plan.tables()).extracting(IndicatorTable::id).containsExactly("table-1", "table-2");
        IndicatorTable t1 = plan.table("table-1").orElseThrow();
        assertThat(t1.rows()).hasSize(40);
        assertThat(t1.headers()).containsExactly("分类", "序号", "指标名称", "单位", "指标属性", "发展目标", "完成情况");
        assertThat(t1.title()).isEqualTo("沙坪坝区“十三五”规划主要发展指标完成情况");
        assertThat(t1.note()).isEqualTo("备注：带*为五年年均增速，带【】为累计数，带——为不再统计指标。");
        IndicatorTable t2 = plan.table("table-2").orElseThrow();
        assertThat(t2.rows()).hasSize(27);
        assertThat(t2.headers()).containsExactly("序号", "指标名称", "“十四五”规划目标", "指标属性");
        assertThat(t2.note()).startsWith("备注：带*为规划期平均数");
    }

    @Test
    void tablesSitInTheirSections() {
        assertThat(plan.parentOf("table-1")).contains("p1-c1-s1");
        assertThat(plan.parentOf("table-2")).contains("p1-c3-s2");
        assertThat(plan.node("table-1").orElseThrow().number()).isEqualTo("表1");
    }

    @Test
    void tableOneRowFive() {
        IndicatorRow r = row(1, 5);
        assertThat(r.name()).isEqualTo("工业总产值");
        assertThat(r.unit()).isEqualTo("亿元");
        assertThat(r.attribute()).isEqualTo("预期性");
        assertThat(r.target().value()).isEqualTo(2400.0);
        assertThat(r.result().value()).isEqualTo(2490.3);
    }

    @Test
    void tableOneCumulativeAndAnnualAverage() {
        assertThat(row(1, 7).target()).extracting(IndicatorValue::raw, IndicatorValue::value, IndicatorValue::cumulative)
                .containsExactly("【2500】", 2500.0, true);
        assertThat(row(1, 7).result().value()).isEqualTo(2605.0);
        assertThat(row(1, 7).result().cumulative()).isTrue();
        assertThat(row(1, 1).target().annualAverage()).isTrue();
        assertThat(row(1, 1).target().value()).isEqualTo(5.0);
        assertThat(row(1, 1).result().value()).isEqualTo(5.9);
    }

    @Test
    void tableOneTextTargetsComparatorsAndNotCounted() {
        IndicatorRow r21 = row(1, 21);
        assertThat(r21.target().isText()).isTrue();
        assertThat(r21.target().text()).isEqualTo("市下任务");
        assertThat(r21.result().value()).isNull();
        assertThat(r21.result().text()).isEqualTo("完成市下任务");
        assertThat(r21.result().raw()).isEqualTo("完成\n市下任务");
        assertThat(row(1, 24).target()).extracting(IndicatorValue::value, IndicatorValue::comparator)
                .containsExactly(265.0, ">");
        assertThat(row(1, 26).result().notCounted()).isTrue();
        assertThat(row(1, 26).result().value()).isNull();
        assertThat(row(1, 38).result()).extracting(IndicatorValue::raw, IndicatorValue::value, IndicatorValue::comparator)
                .containsExactly("3 以下", 3.0, "≤");
        assertThat(row(1, 11).result().raw()).isEqualTo("22");
        assertThat(row(1, 11).result().value()).isEqualTo(22.0);
    }

    @Test
    void tableOneCategoryIsCarriedDown() {
        assertThat(row(1, 1).category()).isEqualTo("全面建成小康社会");
        assertThat(row(1, 2).category()).isEqualTo("全面建成小康社会");
        assertThat(row(1, 3).category()).isEqualTo("创新发展");
        assertThat(row(1, 19).category()).isEqualTo("绿色发展");
        assertThat(row(1, 40).category()).isEqualTo("共享发展");
        assertThat(plan.table("table-1").orElseThrow().rows()).extracting(IndicatorRow::category).doesNotContainNull();
    }

    @Test
    void tableTwoValuesAndUnitsFromTheName() {
        IndicatorRow r1 = row(2, 1);
        assertThat(r1.name()).isEqualTo("地区生产总值年均增速");
        assertThat(r1.unit()).isEqualTo("%");
        assertThat(r1.category()).isNull();
        assertThat(r1.result()).isNull();
        assertThat(r1.target()).extracting(IndicatorValue::value, IndicatorValue::annualAverage,
                IndicatorValue::approximately).containsExactly(6.0, true, true);
        assertThat(row(2, 2).unit()).isEqualTo("万元，2020年价");
        assertThat(row(2, 2).name()).isEqualTo("人均地区生产总值");
        assertThat(row(2, 16).name()).isEqualTo("纳入国家考核的地表水断面水质优良（达到或优于Ⅲ类）比例");
        assertThat(row(2, 21).unit()).isNull();
        assertThat(row(2, 21).target().value()).isEqualTo(1.96);
        assertThat(row(2, 17).target()).extracting(IndicatorValue::value, IndicatorValue::comparator)
                .containsExactly(300.0, "≥");
        assertThat(row(2, 22).target()).extracting(IndicatorValue::value, IndicatorValue::comparator)
                .containsExactly(5.5, "<");
        assertThat(row(2, 14).target().isText()).isTrue();
        assertThat(row(2, 14).target().text()).isEqualTo("完成市级下达目标");
        assertThat(row(2, 14).attribute()).isEqualTo("约束性");
    }

    // ---- figures and notes -----------------------------------------------------------------------

    @Test
    void twoFigures() {
        assertThat(plan.figures()).containsExactly(
                new Figure("fig-1", 1, "沙坪坝区“东中西”空间布局示意图", "p6-c16-s3"),
                new Figure("fig-2", 2, "沙坪坝区“十四五”重点板块发展示意图", "p6-c18-s6"));
        assertThat(plan.node("fig-1").orElseThrow().number()).isEqualTo("图1");
        assertThat(plan.node("p6-c18-s6").orElseThrow().children()).extracting(PlanNode::id)
                .containsExactly("col-9", "fig-2");
    }

    @Test
    void nineGlossaryNotesAttachedToExistingParagraphs() {
        assertThat(plan.notes()).hasSize(9);
        assertThat(plan.notes()).allSatisfy(n -> {
            Paragraph p = plan.paragraph(n.paragraphId()).orElseThrow();
            assertThat(n.text()).doesNotContain("HYPERLINK", "\uFFFD", "baike.baidu.com").isNotBlank();
            assertThat(p.text()).isNotBlank();
        });
        assertThat(plan.notes()).extracting(GlossaryNote::id).startsWith("note-1").endsWith("note-9");
        assertThat(plan.notes()).extracting(GlossaryNote::term).containsExactly("“芯核器网服”", "“四向齐发”国际班列",
                "“两不愁三保障”", "“一区两群”", "五个科学、五个科技", "“云联数算融”", "QFLP", "“两山论”、“两化路”",
                "“双随机、一公开”");
    }

    @Test
    void glossaryNotesPointAtTheParagraphUsingTheTerm() {
        assertThat(plan.notes()).extracting(GlossaryNote::paragraphId).containsExactly("p1-c1-s1-para-2",
                "p1-c1-s1-para-6", "p1-c1-s1-para-7", "p1-c1-s2-para-2", "p2-c4-s2-para-1", "p3-c7-s1-para-1",
                "p3-c8-s5-para-1", "p6-c16-s3-para-1", "p9-c33-s4-para-1");
        assertThat(plan.paragraph("p3-c8-s5-para-1").orElseThrow().text()).contains("QFLP");
    }

    @Test
    void glossaryNoteTextIsCleanedOfWordFields() {
        GlossaryNote n3 = plan.notes().get(2);
        assertThat(n3.text()).isEqualTo("“两不愁三保障”：即不愁吃、不愁穿，义务教育、基本医疗、住房安全有保障。");
        assertThat(plan.notes().get(0).text()).startsWith("“芯核器网服”：“芯”即芯片设计");
    }

    // ---- malformed sources -----------------------------------------------------------------------

    private static final String HEAD = "测试纲要\n第一篇 总则\n第一章 目标\n第一节 指标\n正文。\n";

    @Test
    void textWithoutPartsIsRejected() {
        assertThatThrownBy(() -> PlanParser.parse("标题\n只有正文。\n另一段。\n", "no-parts.txt"))
                .isInstanceOf(PlanParseException.class).hasMessageStartingWith("no-parts.txt:")
                .hasMessageContaining("no parts");
    }

    @Test
    void chapterBeforeAnyPartIsRejectedWithItsLine() {
        assertThatThrownBy(() -> PlanParser.parse("标题\n第一章 目标\n", "t.txt"))
                .isInstanceOf(PlanParseException.class).hasMessageStartingWith("t.txt:2:");
    }

    @Test
    void chapterOutOfSequenceIsRejected() {
        assertThatThrownBy(() -> PlanParser.parse(HEAD + "第三章 跳号\n", "seq.txt"))
                .isInstanceOf(PlanParseException.class).hasMessageStartingWith("seq.txt:6:")
                .hasMessageContaining("第三章");
    }

    @Test
    void tableRowWithNonNumericNumberIsRejected() {
        String text = HEAD + "表1 指标表\n\t序号\n\t指标名称\n\t目标\n\n\t1\n\t甲（%）\n\t5\n\n\t二\n\t乙（%）\n\t6\n\n";
        PlanParseException e = (PlanParseException) org.junit.jupiter.api.Assertions.assertThrows(
                PlanParseException.class, () -> PlanParser.parse(text, "table.txt"));
        assertThat(e.getMessage()).startsWith("table.txt:15:").contains("序号").contains("二");
        assertThat(e.line()).isEqualTo(15);
        assertThat(e.source()).isEqualTo("table.txt");
    }

    @Test
    void tableRowWithMissingCellIsRejected() {
        String text = HEAD + "表1 指标表\n\t序号\n\t指标名称\n\t目标\n\n\t1\n\t甲\n\n";
        assertThatThrownBy(() -> PlanParser.parse(text, "cells.txt")).isInstanceOf(PlanParseException.class)
                .hasMessageStartingWith("cells.txt:11:").hasMessageContaining("2 cells");
    }

    @Test
    void columnWithoutItemsIsRejected() {
        assertThatThrownBy(() -> PlanParser.parse(HEAD + "\t专栏1：空专栏\n\n第二节 下一节\n", "col.txt"))
                .isInstanceOf(PlanParseException.class).hasMessageStartingWith("col.txt:6:")
                .hasMessageContaining("no items");
        assertThatThrownBy(() -> PlanParser.parse(HEAD + "\t专栏1：空专栏\n项目：等。\n", "col2.txt"))
                .isInstanceOf(PlanParseException.class).hasMessageStartingWith("col2.txt:6:");
    }

    @Test
    void smallWellFormedTextParses() {
        String text = HEAD + "说到“甲路”。\n\t专栏1：重点项目\n交通：甲路、乙桥（一期）、丙站等。\n\n" + " 图1 示意图\n"
                + "\uFFFD “甲路”：一条 HYPERLINK \"https://example.org/x\" \\t \"_blank\" \uFFFD路\uFFFD。\n";
        PlanDocument d = PlanParser.parse(text, "ok.txt");
        assertThat(d.title()).isEqualTo("测试纲要");
        assertThat(d.column("col-1").orElseThrow().allItems()).extracting(ColumnItem::name)
                .containsExactly("甲路", "乙桥（一期）", "丙站");
        assertThat(d.figures()).extracting(Figure::parentId).containsExactly("p1-c1-s1");
        assertThat(d.notes()).containsExactly(new GlossaryNote("note-1", "“甲路”", "“甲路”：一条路。", "p1-c1-s1-para-2"));
    }
}
