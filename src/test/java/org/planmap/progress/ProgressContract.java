package org.planmap.progress;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planmap.account.Roles;
import org.planmap.geodata.DataSnapshots;
import org.planmap.support.Http;
import org.planmap.support.TestStaff;
import org.springframework.context.ApplicationContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Progress records as staff and residents rely on them: a bulk import taken whole or not at all, the state
 * "as of" any day, and the public board of every catalogue item. Runs unchanged on H2GIS and PostGIS.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class ProgressContract {
    static final String HEADER = "catalogueId,status,asOf,startDate,finishDate,percentDone,investment,note,evidenceUrl\n";

    @LocalServerPort int port;
    @Autowired ProgressService progress;
    @Autowired DataSnapshots snapshots;
    @Autowired JdbcTemplate jdbc;
    @Autowired ApplicationContext context;
    Http http;

    @BeforeEach
    void emptyHistory() {
        http = new Http(port);
        clean();
    }

    /** Other test classes share this app context: leave no progress behind (the shipped state is "nothing recorded"). */
    @AfterEach
    void clean() {
        snapshots.write(() -> jdbc.update("DELETE FROM progress_record") + jdbc.update("DELETE FROM indicator_value"));
    }

    @Test
    void everyCatalogueItemIsOnTheBoardAndNobodyRecordedMeansNotRecorded() {
        JsonNode board = http.json("/api/progress");
        assertThat(board.get("total").asInt()).isEqualTo(393);
        assertThat(board.get("items").size()).isEqualTo(393);
        assertThat(board.at("/counts/not-recorded").asInt()).isEqualTo(393);
        assertThat(board.at("/counts/not-started").asInt()).isZero();
        JsonNode first = board.get("items").get(0);
        assertThat(first.get("status").asString()).isEqualTo("not-recorded");
        assertThat(first.get("statusZh").asString()).isEqualTo("未填报");
        int columnSum = 0;
        for (JsonNode c : board.get("byColumn")) columnSum += c.at("/counts/total").asInt();
        assertThat(columnSum).isEqualTo(393);
        int zoneSum = 0;
        for (JsonNode z : board.get("byZone")) zoneSum += z.at("/counts/total").asInt();
        assertThat(zoneSum).as("each item in one zone, or among the unmapped").isEqualTo(393);
        assertThat(board.get("byArea").size()).isEqualTo(10);
    }

    @Test
    void aGoodFileIsListedByTheDryRunThenStoredWhole() {
        String file = HEADER
                + "col-1-item-1,under-construction,2024-03-01,2023-10-01,,40,12000.5,主体施工,https://www.cqspb.gov.cn/a.html\n"
                + "col-1-item-2,在建,2024/3/2,,,,,\"note, with a comma\",\n"
                + "col-8-item-1,completed,2024-03-03,2021-01-01,2023-12-31,100,,,\n";
        ProgressImport.Report dry = progress.importFile(utf8WithBom(file), false, "test-editor");
        assertThat(dry.valid()).isTrue();
        assertThat(dry.rejected()).isEmpty();
        assertThat(dry.changes()).extracting(ProgressImport.Change::line).containsExactly(2, 3, 4);
        assertThat(dry.changes().get(0).before()).as("nothing recorded before").isNull();
        assertThat(dry.changes().get(1).after().status()).isEqualTo(ProgressStatus.UNDER_CONSTRUCTION);
        assertThat(dry.changes().get(1).after().note()).isEqualTo("note, with a comma");
        assertThat(http.json("/api/progress").at("/counts/not-recorded").asInt()).as("a dry run writes nothing").isEqualTo(393);

        ProgressImport.Report applied = progress.importFile(utf8WithBom(file), true, "test-editor");
        assertThat(applied.valid()).isTrue();
        JsonNode board = http.json("/api/progress");
        assertThat(board.at("/counts/under-construction").asInt()).isEqualTo(2);
        assertThat(board.at("/counts/completed").asInt()).isEqualTo(1);
        assertThat(board.at("/counts/not-recorded").asInt()).isEqualTo(390);
        JsonNode col1 = column(board, 1);
        assertThat(col1.at("/counts/under-construction").asInt()).isEqualTo(2);
        JsonNode item = http.json("/api/progress/items/col-1-item-1");
        assertThat(item.get("status").asString()).isEqualTo("under-construction");
        assertThat(item.get("percentDone").asInt()).isEqualTo(40);
        assertThat(item.get("investment").asDouble()).isEqualTo(12000.5);
        assertThat(item.get("history").size()).isEqualTo(1);
        assertThat(item.at("/history/0/recordedBy").asString()).isEqualTo("test-editor");
        assertThat(board.get("recent").size()).as("changes of the last 90 days only").isZero();

        ProgressImport.Report again = progress.importFile(utf8WithBom(file), true, "test-editor");
        assertThat(again.changes()).as("the same file twice changes nothing").isEmpty();
        assertThat(again.unchanged()).isEqualTo(3);
        assertThat(progress.history("col-1-item-1")).hasSize(1);
    }

    @Test
    void aBadFileChangesNothingAndReportsEveryBadRowWithItsReason() {
        progress.importFile(utf8WithBom(HEADER + "col-2-item-1,preparing,2024-01-01,,,,,,\n"), true, "test-editor");
        String tomorrow = progress.today().plusDays(1).toString();
        String file = HEADER
                + "col-2-item-1,completed,2024-05-01,,,100,,,\n"            // good
                + "col-99-item-1,preparing,2024-05-01,,,,,,\n"              // 3: unknown item
                + "col-2-item-2,half-done,2024-05-01,,,,,,\n"               // 4: unknown status
                + "col-2-item-3,preparing," + tomorrow + ",,,,,,\n"         // 5: future
                + "col-2-item-4,under-construction,2024-05-01,,,150,,,\n"  // 6: percent
                + "col-2-item-5,preparing,2024-05-01,,,,,,javascript:alert(1)\n" // 7: not a web link
                + "col-1-item-6,completed,2024-05-01,2024-04-01,2024-01-01,80,-5,,\n" // 8: three problems
                + "col-2-item-1,paused,2024-05-01,,,,,,\n"                  // 9: same item and day as line 2
                + "col-1-item-7,not-recorded,2024-05-01,,,,,,\n";           // 10: 未填报 is not a status to record
        ProgressImport.Report r = progress.importFile(file.getBytes(StandardCharsets.UTF_8), true, "test-editor");
        assertThat(r.valid()).isFalse();
        assertThat(r.rejected()).extracting(ProgressImport.Rejection::line).containsExactly(3, 4, 5, 6, 7, 8, 9, 10);
        assertThat(reasons(r, 3)).anyMatch(s -> s.contains("col-99-item-1"));
        assertThat(reasons(r, 4)).anyMatch(s -> s.contains("half-done"));
        assertThat(reasons(r, 5)).anyMatch(s -> s.contains("future"));
        assertThat(reasons(r, 6)).anyMatch(s -> s.contains("150"));
        assertThat(reasons(r, 7)).anyMatch(s -> s.contains("http(s)"));
        assertThat(reasons(r, 8)).hasSize(3);
        assertThat(reasons(r, 9)).anyMatch(s -> s.contains("line 2"));
        assertThat(r.changes()).extracting(ProgressImport.Change::line).containsExactly(2);

        assertThat(progress.history("col-2-item-1")).as("nothing of the bad file is stored").hasSize(1);
        JsonNode board = http.json("/api/progress");
        assertThat(board.at("/counts/preparing").asInt()).isEqualTo(1);
        assertThat(board.at("/counts/completed").asInt()).isZero();
    }

    @Test
    void aFileThatIsNotAProgressFileIsRefusedAsAWhole() {
        ProgressImport.Report r = progress.importFile("name,colour\na,b\n".getBytes(StandardCharsets.UTF_8), true, "t");
        assertThat(r.valid()).isFalse();
        assertThat(r.rejected().get(0).line()).isZero();
        assertThat(r.rejected().get(0).problems().get(0).reason()).contains("unknown columns");
        assertThat(progress.importFile(new byte[0], true, "t").valid()).isFalse();
    }

    @Test
    void excelExportedGb18030IsReadAsChinese() {
        String file = HEADER + "col-3-item-1,前期准备,2024-02-01,,,,,前期工作,\n";
        ProgressImport.Report r = progress.importFile(file.getBytes(Charset.forName("GB18030")), true, "t");
        assertThat(r.valid()).isTrue();
        assertThat(progress.history("col-3-item-1").get(0).note()).isEqualTo("前期工作");
        assertThat(progress.history("col-3-item-1").get(0).status()).isEqualTo(ProgressStatus.PREPARING);
    }

    @Test
    void asOfAnswersTheStatusInForceBeforeBetweenAndAfterTwoChanges() {
        progress.importFile((HEADER + "col-4-item-1,preparing,2022-03-01,,,,,,\n").getBytes(StandardCharsets.UTF_8), true, "a");
        progress.importFile((HEADER + "col-4-item-1,under-construction,2023-06-01,2023-06-01,,10,,,\n")
                .getBytes(StandardCharsets.UTF_8), true, "b");
        assertThat(statusOn("2022-02-28")).isEqualTo("not-recorded");
        assertThat(statusOn("2022-03-01")).isEqualTo("preparing");
        assertThat(statusOn("2023-05-31")).isEqualTo("preparing");
        assertThat(statusOn("2023-06-01")).isEqualTo("under-construction");
        assertThat(statusOn(progress.today().toString())).isEqualTo("under-construction");
        assertThat(statusOn(null)).isEqualTo("under-construction");
        JsonNode board = http.json("/api/progress?asOf=2022-12-31");
        assertThat(board.get("asOf").asString()).isEqualTo("2022-12-31");
        assertThat(board.at("/counts/preparing").asInt()).isEqualTo(1);

        // a correction of the earlier day is recorded later and wins for that day; the later change still holds after
        progress.importFile((HEADER + "col-4-item-1,paused,2022-03-01,,,,,,\n").getBytes(StandardCharsets.UTF_8), true, "c");
        assertThat(statusOn("2022-12-31")).isEqualTo("paused");
        assertThat(statusOn("2024-01-01")).isEqualTo("under-construction");
        JsonNode history = http.json("/api/progress/items/col-4-item-1").get("history");
        List<String> seq = new ArrayList<>();
        history.forEach(h -> seq.add(h.get("status").asString() + "@" + h.get("since").asString()));
        assertThat(seq).containsExactly("preparing@2022-03-01", "paused@2022-03-01", "under-construction@2023-06-01");
    }

    @Test
    void badAsOfIsA400ProblemAndAFutureDayAnswersAsToday() {
        HttpResponse<String> r = http.get("/api/progress?asOf=yesterday");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.parse(r.body()).get("parameter").asString()).isEqualTo("asOf");
        String future = LocalDate.now().plusYears(3).toString();
        assertThat(http.json("/api/progress?asOf=" + future).get("asOf").asString()).isEqualTo(progress.today().toString());
        assertThat(http.get("/api/progress/items/col-99-item-9").statusCode()).isEqualTo(404);
    }

    @Test
    void theReaderAndTheFeatureDetailsShowStatusAndHistory() {
        progress.importFile((HEADER + "col-1-item-1,preparing,2022-01-10,,,,,,\n"
                + "col-1-item-1,under-construction,2023-02-01,,,20,,\"<b>not html</b>\",https://example.org/x\n")
                .getBytes(StandardCharsets.UTF_8), true, "test-editor");
        JsonNode column = http.json("/api/plan/col-1").get("progress");
        assertThat(column.at("/counts/total").asInt()).isEqualTo(43);
        assertThat(column.at("/counts/under-construction").asInt()).isEqualTo(1);
        assertThat(column.at("/items/0/id").asString()).isEqualTo("col-1-item-1");
        assertThat(column.at("/items/0/label/zh").asString()).isEqualTo("在建");
        assertThat(column.at("/items/1/status").asString()).isEqualTo("not-recorded");
        String site = snapshots.current().catalogue().get(0).featureId();
        JsonNode detail = http.json("/api/features/" + site).get("progress");
        assertThat(detail.get("status").asString()).isEqualTo("under-construction");
        assertThat(detail.get("history").size()).isEqualTo(2);
        assertThat(detail.at("/history/1/note").asString()).isEqualTo("<b>not html</b>");
        assertThat(detail.at("/history/0/status").asString()).isEqualTo("preparing");
        assertThat(http.json("/api/features/zone-east").has("progress")).as("not a project site").isFalse();
    }

    @Test
    void staffImportNeedsTheEditorRoleListsEveryChangeAndIsAudited() {
        String file = HEADER + "col-5-item-1,under-construction,2024-04-01,2024-01-15,,35,800,,\n";
        String bad = file + "col-5-item-2,done,2024-04-01,,,,,,\n";
        String path = "/api/staff/progress/import?dryRun=";
        assertThat(TestStaff.anonymous(port).withCsrf().send("POST", path + "true", "text/csv", file).statusCode()).isEqualTo(401);
        assertThat(TestStaff.signIn(context, port, Roles.MODERATOR).send("POST", path + "false", "text/csv", file).statusCode())
                .isEqualTo(403);
        TestStaff.Client editor = TestStaff.signIn(context, port, Roles.EDITOR);
        HttpResponse<String> dry = editor.send("POST", path + "true", "text/csv", bad);
        assertThat(dry.statusCode()).isEqualTo(200);
        JsonNode report = Http.parse(dry.body());
        assertThat(report.get("valid").asBoolean()).isFalse();
        assertThat(report.at("/changes/0/catalogueId").asString()).isEqualTo("col-5-item-1");
        assertThat(report.at("/changes/0/before").isMissingNode() || report.at("/changes/0/before").isNull())
                .as("nothing recorded before").isTrue();
        assertThat(report.at("/rejected/0/line").asInt()).isEqualTo(3);
        assertThat(report.at("/rejected/0/problems/0/reasonZh").asString()).contains("done");

        HttpResponse<String> refused = editor.send("POST", path + "false", "text/csv", bad);
        assertThat(refused.statusCode()).isEqualTo(422);
        assertThat(refused.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(Http.parse(refused.body()).at("/rejected/0/line").asInt()).isEqualTo(3);
        assertThat(progress.history("col-5-item-1")).as("a refused file stores nothing").isEmpty();

        HttpResponse<String> stored = editor.send("POST", path + "false", "text/csv", file);
        assertThat(stored.statusCode()).isEqualTo(200);
        assertThat(Http.parse(stored.body()).get("applied").asBoolean()).isTrue();
        assertThat(progress.history("col-5-item-1").get(0).recordedBy()).isEqualTo(editor.me().get("username").asString());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'progress' AND entity_id = ? "
                + "AND action = 'import' AND actor = ?", Long.class, "col-5-item-1", editor.me().get("username").asString())).isEqualTo(1);
    }

    @Test
    void staffRecordOneItemAndAYearlyIndicatorValue() {
        TestStaff.Client editor = TestStaff.signIn(context, port, Roles.EDITOR);
        String who = editor.me().get("username").asString();
        long recordsAudited = audited("progress", who), valuesAudited = audited("indicator-value", who);
        HttpResponse<String> ok = editor.postJson("/api/staff/progress/items/col-6-item-1",
                "{\"status\":\"paused\",\"asOf\":\"2024-09-01\",\"note\":\"funding review\"}");
        assertThat(ok.statusCode()).as(ok.body()).isEqualTo(200);
        assertThat(http.json("/api/progress/items/col-6-item-1").get("status").asString()).isEqualTo("paused");
        HttpResponse<String> bad = editor.postJson("/api/staff/progress/items/col-6-item-1",
                "{\"status\":\"paused\",\"evidenceUrl\":\"javascript:alert(1)\"}");
        assertThat(bad.statusCode()).isEqualTo(400);
        assertThat(Http.parse(bad.body()).get("parameter").asString()).isEqualTo("evidenceUrl");
        assertThat(progress.history("col-6-item-1")).hasSize(1);
        assertThat(audited("progress", who) - recordsAudited).as("the stored record is audited, the refused one not").isEqualTo(1);

        JsonNode before = row(http.json("/api/progress/indicator-values"), "table-2-row-2");
        HttpResponse<String> value = editor.postJson("/api/staff/progress/indicator-values",
                "{\"rowId\":\"table-2-row-2\",\"year\":2023,\"value\":61.5,\"note\":\"statistical bulletin\"}");
        assertThat(value.statusCode()).as(value.body()).isEqualTo(200);
        JsonNode after = row(http.json("/api/progress/indicator-values"), "table-2-row-2");
        JsonNode y2023 = null;
        for (JsonNode p : after.get("series")) if (p.get("year").asInt() == 2023) y2023 = p;
        assertThat(y2023).isNotNull();
        assertThat(y2023.get("value").asDouble()).isEqualTo(61.5);
        assertThat(y2023.get("recordedBy").asString()).isEqualTo(editor.me().get("username").asString());
        assertThat(after.get("series").size()).isGreaterThanOrEqualTo(before.get("series").size());
        assertThat(editor.postJson("/api/staff/progress/indicator-values", "{\"rowId\":\"table-2-row-2\",\"year\":2019,\"value\":1}")
                .statusCode()).isEqualTo(400);
        assertThat(editor.postJson("/api/staff/progress/indicator-values", "{\"rowId\":\"table-1-row-2\",\"year\":2023,\"value\":1}")
                .statusCode()).isEqualTo(400);
        assertThat(row(http.json("/api/progress/indicator-values"), "table-2-row-2").get("series")).as("refused values store nothing")
                .isEqualTo(after.get("series"));
        assertThat(audited("indicator-value", who) - valuesAudited).as("the stored value is audited, the refused ones not").isEqualTo(1);
        assertThat(TestStaff.anonymous(port).withCsrf().postJson("/api/staff/progress/indicator-values", "{}").statusCode()).isEqualTo(401);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyStoresOneRecordAndOneValue() {
        TestStaff.Client editor = TestStaff.signIn(context, port, Roles.EDITOR);
        String who = editor.me().get("username").asString();
        long recordsAudited = audited("progress", who), valuesAudited = audited("indicator-value", who);

        String item = "/api/staff/progress/items/col-7-item-1";
        String record = "{\"status\":\"under-construction\",\"asOf\":\"2024-05-01\",\"percentDone\":30,\"note\":\"retried\"}";
        String recordKey = java.util.UUID.randomUUID().toString();
        HttpResponse<String> first = editor.postJson(item, record, "Idempotency-Key", recordKey);
        HttpResponse<String> retry = editor.postJson(item, record, "Idempotency-Key", recordKey);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Http.parse(retry.body())).as("the first answer again").isEqualTo(Http.parse(first.body()));
        HttpResponse<String> other = editor.postJson(item, record.replace("30", "40"), "Idempotency-Key", recordKey);
        assertThat(other.statusCode()).as("the same key for another body").isEqualTo(422);
        assertThat(Http.parse(other.body()).get("parameter").asString()).isEqualTo("Idempotency-Key");
        // another user's request is another request, even with the same key and body: never someone else's answer
        assertThat(TestStaff.signIn(context, port, Roles.ADMIN).postJson(item, record, "Idempotency-Key", recordKey).statusCode())
                .isEqualTo(422);
        assertThat(progress.history("col-7-item-1")).as("one record").hasSize(1);
        assertThat(audited("progress", who) - recordsAudited).as("one audit event").isEqualTo(1);

        String value = "{\"rowId\":\"table-2-row-3\",\"year\":2022,\"value\":12.5}";
        String valueKey = java.util.UUID.randomUUID().toString();
        HttpResponse<String> v1 = editor.postJson("/api/staff/progress/indicator-values", value, "Idempotency-Key", valueKey);
        HttpResponse<String> v2 = editor.postJson("/api/staff/progress/indicator-values", value, "Idempotency-Key", valueKey);
        assertThat(v1.statusCode()).as(v1.body()).isEqualTo(200);
        assertThat(v2.statusCode()).as(v2.body()).isEqualTo(200);
        assertThat(v2.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(Http.parse(v2.body())).as("the first answer again, recordedAt too").isEqualTo(Http.parse(v1.body()));
        assertThat(editor.postJson("/api/staff/progress/indicator-values", value.replace("12.5", "13"), "Idempotency-Key", valueKey)
                .statusCode()).isEqualTo(422);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM indicator_value WHERE row_id = 'table-2-row-3' AND year_no = 2022",
                Long.class)).as("one value").isEqualTo(1);
        assertThat(audited("indicator-value", who) - valuesAudited).as("one audit event").isEqualTo(1);
    }

    private long audited(String entityType, String actor) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = ? AND actor = ?", Long.class, entityType, actor);
    }

    private static JsonNode row(JsonNode values, String id) {
        for (JsonNode r : values.get("rows")) if (r.get("id").asString().equals(id)) return r;
        throw new AssertionError("no row " + id);
    }

    private String statusOn(String day) {
        return http.json("/api/progress/items/col-4-item-1" + (day == null ? "" : "?asOf=" + day)).get("status").asString();
    }

    private static List<String> reasons(ProgressImport.Report r, int line) {
        return r.rejected().stream().filter(x -> x.line() == line).flatMap(x -> x.problems().stream())
                .map(ProgressRules.Problem::reason).toList();
    }

    private static JsonNode column(JsonNode board, int n) {
        for (JsonNode c : board.get("byColumn")) if (c.get("column").asInt() == n) return c;
        throw new AssertionError("no column " + n);
    }

    private static byte[] utf8WithBom(String s) {
        return ("\uFEFF" + s).getBytes(StandardCharsets.UTF_8);
    }

}
