package org.planmap.consultation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.planmap.overlay.OverlayHttp;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.planmap.account.Roles;
import org.planmap.support.TestStaff;
import tools.jackson.databind.JsonNode;

/**
 * Consultations and comments on H2GIS and PostGIS (the two subclasses): what a resident sends, every refusal, the
 * idempotent retry, moderation, and the privacy rule (a contact is in no public answer, export or live event).
 */
abstract class ConsultationContract {
    static final String INSIDE = "[106.45, 29.58]";
    static final String CONTACT = "resident-" + UUID.randomUUID() + "@example.org";

    @Autowired
    ConsultationRepository consultations;
    @Autowired
    CommentRepository comments;
    @Autowired
    ApplicationContext context;
    @Autowired
    JdbcTemplate jdbc;
    @LocalServerPort
    int port;
    ConsultationHttp http;

    @BeforeEach
    void client() {
        http = new ConsultationHttp(port);
    }

    /** A consultation open from an hour ago to an hour from now (or as given), stored directly. */
    Consultation consultation(Instant opens, Instant closes, Consultation.PublishMode mode) {
        Consultation c = new Consultation(ConsultationRepository.newCode(), "磁器口片区更新", "Ciqikou renewal", opens, closes,
                List.of("p6-c16"), List.of(), List.of(new Consultation.Question("您怎么看？", "What do you think?")), mode, Instant.now());
        consultations.insert(c);
        return c;
    }

    Consultation open() {
        return consultation(Instant.now().minusSeconds(3600), Instant.now().plusSeconds(3600), Consultation.PublishMode.MODERATED);
    }

    static String comment(String text, String anchor) {
        return "{\"topic\":\"concern\",\"text\":\"" + text + "\"," + anchor + "}";
    }

    OverlayHttp.Answer submit(Consultation c, String body, String... headers) throws Exception {
        return http.post("/api/consultations/" + c.id() + "/comments", body, headers);
    }

    @Test
    void aCommentIsStoredBeforeItsAnswerAndWaitsForAModerator() throws Exception {
        Consultation c = open();
        OverlayHttp.Answer a = submit(c, comment("路口太窄，早高峰拥堵", "\"point\":" + INSIDE));
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        String id = a.json().path("id").asString();
        assertThat(a.json().path("status").asString()).isEqualTo("pending");
        assertThat(a.json().path("zone").asString()).startsWith("zone-");
        assertThat(comments.find(id)).isPresent();
        assertThat(http.get("/api/consultations/" + c.id() + "/comments").json().path("count").asInt()).isZero();
        moderate(id, "approve", null);
        JsonNode list = http.get("/api/consultations/" + c.id() + "/comments").json();
        assertThat(list.path("count").asInt()).isEqualTo(1);
        assertThat(list.path("comments").get(0).path("text").asString()).isEqualTo("路口太窄，早高峰拥堵");
        assertThat(list.path("comments").get(0).path("geometry").path("type").asString()).isEqualTo("Point");
    }

    @Test
    void aPlaceOutsideTheDistrictIsRefusedInTheReadersLanguage() throws Exception {
        Consultation c = open();
        OverlayHttp.Answer en = submit(c, comment("x", "\"point\":[106.0, 30.2]"));
        assertThat(en.status()).isEqualTo(422);
        assertThat(en.json().path("detail").asString()).contains("outside Shapingba District");
        OverlayHttp.Answer zh = submit(c, comment("x", "\"point\":[106.0, 30.2]"), "Accept-Language", "zh-CN,zh;q=0.9");
        assertThat(zh.json().path("detail").asString()).contains("不在沙坪坝区内");
        OverlayHttp.Answer area = submit(c, comment("x", "\"area\":{\"type\":\"Polygon\",\"coordinates\":[[[106.0,30.0],[106.1,30.0],[106.1,30.1],[106.0,30.0]]]}"));
        assertThat(area.status()).isEqualTo(422);
        assertThat(area.json().path("parameter").asString()).isEqualTo("area");
        assertThat(count(c)).isZero();
    }

    @Test
    void aTooLongCommentIsRefusedNamingTheLimit() throws Exception {
        Consultation c = open();
        OverlayHttp.Answer a = submit(c, comment("长".repeat(1001), "\"point\":" + INSIDE));
        assertThat(a.status()).isEqualTo(422);
        assertThat(a.json().path("limit").asString()).isEqualTo("max-text-length");
        assertThat(submit(c, comment("长".repeat(1000), "\"point\":" + INSIDE)).status()).isEqualTo(201);
    }

    @Test
    void aClosedOrNotYetOpenConsultationTakesNoComment() throws Exception {
        Consultation closed = consultation(Instant.now().minusSeconds(7200), Instant.now().minusSeconds(60), Consultation.PublishMode.MODERATED);
        OverlayHttp.Answer a = submit(closed, comment("x", "\"point\":" + INSIDE), "Accept-Language", "zh");
        assertThat(a.status()).isEqualTo(409);
        assertThat(a.json().path("detail").asString()).contains("已于").contains("结束");
        Consultation upcoming = consultation(Instant.now().plusSeconds(600), Instant.now().plusSeconds(7200), Consultation.PublishMode.MODERATED);
        assertThat(submit(upcoming, comment("x", "\"point\":" + INSIDE)).status()).isEqualTo(409);
        assertThat(count(closed) + count(upcoming)).isZero();
        assertThat(http.get("/api/consultations/nope42/comments").status()).isEqualTo(404);
        assertThat(http.post("/api/consultations/nope42/comments", comment("x", "\"point\":" + INSIDE)).status()).isEqualTo(404);
    }

    @Test
    void tooManyCommentsFromOneClientAreRefusedWithRetryAfter() throws Exception {
        Consultation c = open();
        for (int i = 0; i < 5; i++) assertThat(submit(c, comment("第" + i + "条", "\"point\":" + INSIDE)).status()).isEqualTo(201);
        OverlayHttp.Answer sixth = submit(c, comment("第6条", "\"point\":" + INSIDE));
        assertThat(sixth.status()).isEqualTo(429);
        assertThat(sixth.json().path("limit").asString()).isEqualTo("max-comments-per-client");
        assertThat(sixth.response().headers().firstValue("Retry-After")).isPresent();
        assertThat(count(c)).isEqualTo(5);
        // the limit is per consultation: the same client may still answer another one
        assertThat(submit(open(), comment("另一场", "\"point\":" + INSIDE)).status()).isEqualTo(201);
    }

    @Test
    void badInputIsRefusedWithAProblemNamingTheField() throws Exception {
        Consultation c = open();
        record Case(String body, int status, String parameter) { }
        List<Case> cases = List.of(
                new Case("{\"topic\":\"concern\",\"text\":\"x\",\"point\":" + INSIDE + ",\"website\":\"http://spam\"}", 400, "website"),
                new Case("{\"topic\":\"rant\",\"text\":\"x\",\"point\":" + INSIDE + "}", 400, "topic"),
                new Case("{\"topic\":\"concern\",\"text\":\"  \",\"point\":" + INSIDE + "}", 400, "text"),
                new Case("{\"topic\":\"concern\",\"text\":\"x\"}", 400, "anchor"),
                new Case("{\"topic\":\"concern\",\"text\":\"x\",\"point\":" + INSIDE + ",\"featureId\":\"zone-east\"}", 400, "anchor"),
                new Case("{\"topic\":\"concern\",\"text\":\"x\",\"point\":[500, 29]}", 400, "point"),
                new Case("{\"topic\":\"concern\",\"text\":\"x\",\"featureId\":\"no-such-feature\"}", 400, "featureId"),
                new Case("{\"topic\":\"concern\",\"text\":\"x\",\"planRef\":\"p99-c1\"}", 400, "planRef"),
                new Case("{\"topic\":\"concern\",\"text\":\"x\",\"point\":" + INSIDE + ",\"question\":4}", 400, "question"),
                new Case("{\"topic\":\"concern\",\"text\":\"x\",\"point\":" + INSIDE + ",\"contact\":\"a@b.cn\"}", 400, "consent"),
                new Case("{\"topic\":\"concern\",\"text\":\"x\",\"point\":" + INSIDE + ",\"contact\":\"" + "a".repeat(201) + "\",\"consent\":true}", 422, "contact"));
        for (Case k : cases) {
            OverlayHttp.Answer a = submit(c, k.body());
            assertThat(a.status()).as(k.body() + " → " + a.text()).isEqualTo(k.status());
            assertThat(a.response().headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
            assertThat(a.json().path("parameter").asString()).as(k.body()).isEqualTo(k.parameter());
        }
        assertThat(submit(c, "not json").status()).isEqualTo(400);
        assertThat(count(c)).isZero();
    }

    @Test
    void aRetryWithTheSameKeyStoresOneComment() throws Exception {
        Consultation c = open();
        String key = UUID.randomUUID().toString();
        String body = comment("请增加公交线路", "\"point\":" + INSIDE);
        OverlayHttp.Answer first = submit(c, body, "Idempotency-Key", key);
        OverlayHttp.Answer retry = submit(c, body, "Idempotency-Key", key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.response().headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(count(c)).isEqualTo(1);
        assertThat(submit(c, comment("另一条", "\"point\":" + INSIDE), "Idempotency-Key", key).status()).isEqualTo(422);
        assertThat(count(c)).isEqualTo(1);
    }

    @Test
    void commentsPinTheirPlaceFeatureOrPlanText() throws Exception {
        Consultation c = consultation(Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), Consultation.PublishMode.IMMEDIATE);
        OverlayHttp.Answer feature = submit(c, comment("支持", "\"featureId\":\"zone-east\""));
        assertThat(feature.status()).as(feature.text()).isEqualTo(201);
        assertThat(feature.json().path("anchor").asString()).isEqualTo("feature");
        assertThat(feature.json().path("zone").asString()).isEqualTo("zone-east");
        OverlayHttp.Answer paragraph = submit(c, comment("这一段很好", "\"planRef\":\"p6-c16-s1-para-1\""));
        assertThat(paragraph.status()).as(paragraph.text()).isEqualTo(201);
        assertThat(paragraph.json().path("anchor").asString()).isEqualTo("paragraph");
        assertThat(paragraph.json().path("sectionId").asString()).isEqualTo("p6-c16-s1");
        assertThat(paragraph.json().has("geometry")).isFalse();
        OverlayHttp.Answer area = submit(c, comment("这片区域", "\"area\":{\"type\":\"Polygon\",\"coordinates\":[[[106.44,29.575],[106.45,29.575],[106.45,29.585],[106.44,29.585],[106.44,29.575]]]}"));
        assertThat(area.status()).as(area.text()).isEqualTo(201);
        assertThat(area.json().path("status").asString()).isEqualTo("published");
        JsonNode results = http.get("/api/consultations/" + c.id() + "/results").json();
        assertThat(results.path("published").asInt()).isEqualTo(3);
        assertThat(results.path("byTopic").path("concern").asInt()).isEqualTo(3);
        assertThat(results.path("bySection").path("p6-c16-s1").asInt()).isEqualTo(1);
        assertThat(results.path("byZone").path("zone-east").asInt()).isGreaterThanOrEqualTo(1);
    }

    @Test
    void theWordListHoldsACommentForTheModeratorEvenWhenPublishingAtOnce() throws Exception {
        Consultation c = consultation(Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), Consultation.PublishMode.IMMEDIATE);
        OverlayHttp.Answer a = submit(c, comment("看这里 https://spam.example", "\"point\":" + INSIDE));
        assertThat(a.status()).isEqualTo(201);
        assertThat(a.json().path("status").asString()).isEqualTo("pending");
        assertThat(a.json().has("flaggedWords")).isFalse();
        assertThat(comments.find(a.json().path("id").asString()).orElseThrow().flaggedWords()).contains("https://");
    }

    @Test
    void aRejectedCommentNeverAppearsPubliclyAndAHiddenOneLeaves() throws Exception {
        Consultation c = open();
        String rejected = submit(c, comment("被拒绝的意见", "\"point\":" + INSIDE)).json().path("id").asString();
        String hidden = submit(c, comment("后来隐藏的意见", "\"point\":" + INSIDE)).json().path("id").asString();
        moderate(rejected, "reject", "与本次征求意见无关");
        moderate(hidden, "approve", null);
        assertThat(publicText(c)).contains("后来隐藏的意见").doesNotContain("被拒绝的意见");
        moderate(hidden, "hide", "含个人信息");
        assertThat(publicText(c)).doesNotContain("后来隐藏的意见").doesNotContain("被拒绝的意见");
        assertThat(http.post("/api/consultations/" + c.id() + "/comments/" + rejected + "/agree", "", "X-Browser-Key", "k".repeat(20)).status())
                .isEqualTo(404);
    }

    @Test
    void aContactIsInNoPublicAnswerExportOrLiveEvent() throws Exception {
        Consultation c = consultation(Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), Consultation.PublishMode.IMMEDIATE);
        BlockingQueue<String> events = follow(c);
        OverlayHttp.Answer a = submit(c, "{\"topic\":\"suggestion\",\"text\":\"增设自行车道\",\"point\":" + INSIDE
                + ",\"contact\":\"" + CONTACT + "\",\"consent\":true}");
        assertThat(a.status()).as(a.text()).isEqualTo(201);
        assertThat(a.text()).doesNotContain(CONTACT);
        String id = a.json().path("id").asString();
        assertThat(comments.find(id).orElseThrow().contact()).isEqualTo(CONTACT);
        String everything = publicText(c) + http.get("/api/consultations").text() + http.get("/api/consultations/" + c.id()).text()
                + String.join("\n", drain(events, "增设自行车道"));
        assertThat(everything).contains("增设自行车道").doesNotContain(CONTACT).doesNotContain("example.org");
        for (String format : List.of("csv", "geojson", "gpkg")) {
            OverlayHttp.Answer file = http.get("/api/consultations/" + c.id() + "/export?format=" + format);
            assertThat(file.status()).isEqualTo(200);
            assertThat(new String(file.body(), StandardCharsets.ISO_8859_1)).doesNotContain(CONTACT);
        }
    }

    @Test
    void exportsReadBackWithOgrinfo() throws Exception {
        Consultation c = consultation(Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), Consultation.PublishMode.IMMEDIATE);
        submit(c, comment("磁器口停车难", "\"point\":" + INSIDE));
        submit(c, comment("第十六章第一节", "\"planRef\":\"p6-c16-s1\""));
        submit(c, "{\"topic\":\"question\",\"text\":\"何时开工？\",\"point\":" + INSIDE + ",\"contact\":\"" + CONTACT + "\",\"consent\":true}");
        for (String format : List.of("csv", "geojson", "gpkg")) {
            OverlayHttp.Answer file = http.get("/api/consultations/" + c.id() + "/export?format=" + format);
            assertThat(file.status()).isEqualTo(200);
            String info = ogrinfo(file.body(), format);
            assertThat(info.lines().filter(l -> l.startsWith("OGRFeature(")).count()).as(info).isEqualTo(3);
            assertThat(info).contains("磁器口停车难").contains("何时开工？").doesNotContain(CONTACT).doesNotContain("contact");
        }
        assertThat(http.get("/api/consultations/" + c.id() + "/export?format=shp").status()).isEqualTo(400);
    }

    @Test
    void theOgcApiCollectionHoldsPublishedCommentsOnlyWithoutContacts() throws Exception {
        Consultation c = open();
        String shown = submit(c, "{\"topic\":\"support\",\"text\":\"支持建设滨江步道\",\"point\":" + INSIDE + ",\"contact\":\""
                + CONTACT + "\",\"consent\":true}").json().path("id").asString();
        String rejected = submit(c, comment("不应出现在 OGC API 中", "\"point\":" + INSIDE)).json().path("id").asString();
        String items = "/ogcapi/collections/comments/items?consultation=" + c.id() + "&limit=50";
        OverlayHttp.Answer before = http.get(items, "Accept", "application/geo+json");
        assertThat(before.status()).as(before.text()).isEqualTo(200);
        assertThat(before.json().path("numberMatched").asInt()).isZero();
        moderate(shown, "approve", null);
        moderate(rejected, "reject", "无关");
        OverlayHttp.Answer after = http.get(items, "Accept", "application/geo+json");
        assertThat(after.response().headers().firstValue("ETag")).isNotEqualTo(before.response().headers().firstValue("ETag"));
        assertThat(after.json().path("numberMatched").asInt()).isEqualTo(1);
        JsonNode f = after.json().path("features").get(0);
        assertThat(f.path("id").asString()).isEqualTo(shown);
        assertThat(f.path("properties").path("text").asString()).isEqualTo("支持建设滨江步道");
        assertThat(f.path("geometry").path("type").asString()).isEqualTo("Point");
        String all = after.text() + http.get("/ogcapi/collections/comments/items/" + shown, "Accept", "application/geo+json").text()
                + http.get("/ogcapi/collections/comments", "Accept", "application/json").text();
        assertThat(all).doesNotContain(CONTACT).doesNotContain("contact").doesNotContain("不应出现在 OGC API 中");
        assertThat(http.get("/ogcapi/collections/comments/items/" + rejected, "Accept", "application/geo+json").status()).isEqualTo(404);
    }

    @Test
    void aBrowserAgreesOnce() throws Exception {
        Consultation c = consultation(Instant.now().minusSeconds(60), Instant.now().plusSeconds(3600), Consultation.PublishMode.IMMEDIATE);
        String id = submit(c, comment("同意这条", "\"point\":" + INSIDE)).json().path("id").asString();
        String path = "/api/consultations/" + c.id() + "/comments/" + id + "/agree";
        String browser = UUID.randomUUID().toString();
        assertThat(http.post(path, "", "X-Browser-Key", browser).json().path("agreeCount").asInt()).isEqualTo(1);
        JsonNode again = http.post(path, "", "X-Browser-Key", browser).json();
        assertThat(again.path("agreeCount").asInt()).isEqualTo(1);
        assertThat(again.path("counted").asBoolean()).isFalse();
        assertThat(http.post(path, "", "X-Browser-Key", UUID.randomUUID().toString()).json().path("agreeCount").asInt()).isEqualTo(2);
        assertThat(http.post(path, "").status()).isEqualTo(400);
        assertThat(http.get("/api/consultations/" + c.id() + "/results").json().path("agreements").asInt()).isEqualTo(2);
    }

    @Test
    void anApprovedCommentReachesTheLiveViewWithinTwoSeconds() throws Exception {
        Consultation c = open();
        BlockingQueue<String> events = follow(c);
        String id = submit(c, comment("现场的意见", "\"point\":" + INSIDE)).json().path("id").asString();
        moderator();
        long start = System.nanoTime();
        moderate(id, "approve", null);
        List<String> seen = drain(events, "现场的意见");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
        assertThat(String.join("\n", seen)).contains("event:comment").contains("\"received\":1");
    }

    @Test
    void personalDataIsErasedWhenItsRetentionEnds() throws Exception {
        Consultation c = open();
        String id = submit(c, "{\"topic\":\"suggestion\",\"text\":\"x\",\"point\":" + INSIDE + ",\"contact\":\"138 0000 0000\",\"consent\":true}")
                .json().path("id").asString();
        assertThat(jdbc.queryForObject("SELECT client_hash FROM consultation_comment WHERE id = ?", String.class, id))
                .matches("[0-9a-f]{64}").doesNotContain("127.0.0.1");
        comments.erasePersonalData(Instant.now().plus(Duration.ofDays(365)));
        assertThat(comments.find(id).orElseThrow().contact()).isNull();
        assertThat(jdbc.queryForObject("SELECT client_hash FROM consultation_comment WHERE id = ?", String.class, id)).isNull();
        assertThat(comments.find(id).orElseThrow().text()).isEqualTo("x");
    }

    TestStaff.Client moderator;

    TestStaff.Client moderator() {
        if (moderator == null) moderator = TestStaff.signIn(context, port, Roles.MODERATOR);
        return moderator;
    }

    /** A moderator's decision over the staff API (signed in, CSRF token, audited); asserts it was taken. */
    JsonNode moderate(String commentId, String decision, String reason) {
        var r = moderator().postJson("/api/staff/comments/" + commentId + "/" + decision,
                reason == null ? "{}" : "{\"reason\":\"" + reason + "\"}");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return org.planmap.support.Http.parse(r.body());
    }

    static final String NEW_CONSULTATION = "{\"titleZh\":\"西部新城公共交通\",\"titleEn\":\"Public transport in the western new town\","
            + "\"opensAt\":\"2026-01-01T00:00:00Z\",\"closesAt\":\"2099-01-01T00:00:00Z\",\"planRefs\":[\"p6-c16\"],"
            + "\"areaIds\":[\"zone-west\"],\"questions\":[{\"zh\":\"您如何出行？\",\"en\":\"How do you travel?\"}]}";

    @Test
    void onlyAnAdministratorCreatesAConsultationAndTheTrailSaysWho() throws Exception {
        assertThat(TestStaff.anonymous(port).withCsrf().postJson("/api/staff/consultations", NEW_CONSULTATION).statusCode()).isEqualTo(401);
        assertThat(moderator().postJson("/api/staff/consultations", NEW_CONSULTATION).statusCode()).isEqualTo(403);
        TestStaff.Client admin = TestStaff.signIn(context, port, Roles.ADMIN);
        var created = admin.postJson("/api/staff/consultations", NEW_CONSULTATION);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        JsonNode c = org.planmap.support.Http.parse(created.body());
        String id = c.path("id").asString();
        assertThat(id).matches("[2-9a-z]{6}");
        assertThat(c.path("state").asString()).isEqualTo("open");
        assertThat(c.path("publishMode").asString()).isEqualTo("moderated");
        assertThat(http.get("/c/" + id).response().headers().firstValue("Location")).contains("/#consult=" + id);
        assertThat(jdbc.queryForObject("SELECT actor FROM audit_event WHERE entity_type = 'consultation' AND entity_id = ? AND action = 'create'",
                String.class, id)).isEqualTo(TestStaff.credentials(context, Roles.ADMIN).username());
        for (String bad : List.of(NEW_CONSULTATION.replace("2099-01-01", "2025-01-01"), NEW_CONSULTATION.replace("p6-c16", "p99"),
                NEW_CONSULTATION.replace("zone-west", "zone-nowhere"), NEW_CONSULTATION.replace("\"titleEn\":\"Public transport in the western new town\",", ""),
                NEW_CONSULTATION.replace("[{", "[{\"zh\":\"1\",\"en\":\"1\"},{\"zh\":\"2\",\"en\":\"2\"},{\"zh\":\"3\",\"en\":\"3\"},{"))) {
            var r = admin.postJson("/api/staff/consultations", bad);
            assertThat(r.statusCode()).as(bad + " → " + r.body()).isEqualTo(400);
        }
    }

    @Test
    void aRetryOfACreationWithTheSameKeyCreatesOneConsultation() {
        TestStaff.Client admin = TestStaff.signIn(context, port, Roles.ADMIN);
        String who = TestStaff.credentials(context, Roles.ADMIN).username();
        String body = NEW_CONSULTATION.replace("西部新城公共交通", "重试 " + UUID.randomUUID());
        String key = UUID.randomUUID().toString();
        long before = created(who);
        var first = admin.postJson("/api/staff/consultations", body, "Idempotency-Key", key);
        var retry = admin.postJson("/api/staff/consultations", body, "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        assertThat(first.headers().firstValue("Idempotent-Replayed")).isEmpty();
        assertThat(retry.statusCode()).as(retry.body()).isEqualTo(201);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(org.planmap.support.Http.parse(retry.body())).as("the first answer again")
                .isEqualTo(org.planmap.support.Http.parse(first.body()));
        var other = admin.postJson("/api/staff/consultations", body.replace("2099-01-01", "2098-01-01"), "Idempotency-Key", key);
        assertThat(other.statusCode()).as("the same key for another body").isEqualTo(422);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consultation WHERE title_zh = ?", Long.class,
                body.substring(body.indexOf("重试"), body.indexOf("\",\"titleEn")))).as("one consultation").isEqualTo(1);
        assertThat(created(who) - before).as("one audit event").isEqualTo(1);
    }

    private long created(String actor) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM audit_event WHERE entity_type = 'consultation' AND action = 'create' AND actor = ?",
                Long.class, actor);
    }

    @Test
    void moderatorsSeeTheQueueWithContactsAndEveryDecisionIsAudited() throws Exception {
        Consultation c = open();
        String id = submit(c, "{\"topic\":\"question\",\"text\":\"何时通车？\",\"point\":" + INSIDE + ",\"contact\":\"" + CONTACT
                + "\",\"consent\":true}").json().path("id").asString();
        assertThat(TestStaff.anonymous(port).get("/api/staff/comments?consultation=" + c.id()).statusCode()).isEqualTo(401);
        assertThat(TestStaff.signIn(context, port, Roles.EDITOR).get("/api/staff/comments?consultation=" + c.id()).statusCode()).isEqualTo(403);
        JsonNode queue = org.planmap.support.Http.parse(moderator().get("/api/staff/comments?consultation=" + c.id()).body());
        assertThat(queue.path("count").asInt()).isEqualTo(1);
        assertThat(queue.path("comments").get(0).path("contact").asString()).isEqualTo(CONTACT);
        assertThat(queue.path("comments").get(0).path("status").asString()).isEqualTo("pending");
        assertThat(org.planmap.support.Http.parse(moderator().get("/api/staff/comments?consultation=" + c.id() + "&topic=support").body())
                .path("count").asInt()).isZero();
        assertThat(moderator().postJson("/api/staff/comments/" + id + "/reject", "{}").statusCode()).isEqualTo(400);
        assertThat(TestStaff.signIn(context, port, Roles.EDITOR).postJson("/api/staff/comments/" + id + "/approve", "{}").statusCode()).isEqualTo(403);
        moderate(id, "approve", null);
        assertThat(moderator().postJson("/api/staff/comments/" + id + "/approve", "{}").statusCode()).isEqualTo(409);
        moderate(id, "hide", "包含个人电话");
        List<java.util.Map<String, Object>> trail = jdbc.queryForList("SELECT actor, action, before_json, after_json, reason FROM audit_event "
                + "WHERE entity_type = 'comment' AND entity_id = ? ORDER BY id", id);
        assertThat(trail).extracting(r -> r.get("action")).containsExactly("approve", "hide");
        assertThat(trail).extracting(r -> r.get("actor")).containsOnly(TestStaff.credentials(context, Roles.MODERATOR).username());
        assertThat(trail.get(1).get("reason")).isEqualTo("包含个人电话");
        assertThat(trail.toString()).contains("\"status\":\"hidden\"").doesNotContain(CONTACT);
    }

    String publicText(Consultation c) throws Exception {
        StringBuilder s = new StringBuilder();
        for (String path : List.of("/comments", "/results", "/export?format=csv", "/export?format=geojson")) {
            s.append(http.get("/api/consultations/" + c.id() + path).text()).append('\n');
        }
        return s.toString();
    }

    int count(Consultation c) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM consultation_comment WHERE consultation_id = ?", Integer.class, c.id());
    }

    /** Follows the live view on a background thread; every line it sends lands in the queue. */
    BlockingQueue<String> follow(Consultation c) throws Exception {
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        HttpResponse<java.io.InputStream> r = OverlayHttp.CLIENT.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + port + "/api/consultations/" + c.id() + "/live")).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        Thread t = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(r.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) lines.add(line);
            } catch (Exception ignored) {
                // the stream ends with the test
            }
        });
        t.setDaemon(true);
        t.start();
        assertThat(lines.poll(5, TimeUnit.SECONDS)).isNotNull(); // the first count event: connected
        return lines;
    }

    /** Lines of the live view until one contains {@code until} (5 s at most). */
    static List<String> drain(BlockingQueue<String> lines, String until) throws InterruptedException {
        List<String> seen = new java.util.ArrayList<>();
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (System.nanoTime() < end) {
            String l = lines.poll(100, TimeUnit.MILLISECONDS);
            if (l == null) continue;
            seen.add(l);
            if (l.contains(until)) break;
        }
        return seen;
    }

    static String ogrinfo(byte[] body, String format) throws Exception {
        Path dir = Files.createTempDirectory("planmap-comments-test");
        Path file = dir.resolve("comments." + format);
        Files.write(file, body);
        Process p = new ProcessBuilder(List.of("/usr/bin/ogrinfo", "-ro", "-al", file.toString())).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(out).isZero();
        return out;
    }
}
