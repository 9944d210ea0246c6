package org.planmap.editing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.planmap.system.ApiException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What an editor's request may hold, refused before anything is read from the store (400 naming the member). */
class EditRequestTests {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static JsonNode body(String json) {
        return JSON.readTree(json);
    }

    @Test
    void aChangeKeepsWhatItLeavesOutAndCleansItsLists() {
        FeatureChange c = FeatureChange.read(body("""
                {"name":" 新名称 ","aliases":["甲"," ","甲","乙"],"geometry":{"type":"Point","coordinates":[106.45,29.58]}}"""));
        assertThat(c.name()).isEqualTo("新名称");
        assertThat(c.nameEn()).isNull();
        assertThat(c.accuracy()).isNull();
        assertThat(c.planRefs()).isNull();
        assertThat(c.aliases()).containsExactly("甲", "乙");
        assertThat(c.geometry().getGeometryType()).isEqualTo("Point");
        assertThat(c.geometry().getSRID()).isEqualTo(4326);
    }

    @Test
    void wrongTypesAndUnreadableGeometryAreRefusedNamingTheMember() {
        record Case(String json, String parameter) { }
        for (Case c : List.of(
                new Case("[]", "body"),
                new Case("{\"name\":5}", "name"),
                new Case("{\"aliases\":\"甲\"}", "aliases"),
                new Case("{\"planRefs\":[1]}", "planRefs"),
                new Case("{\"geometry\":\"POINT(1 2)\"}", "geometry"),
                new Case("{\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[106.4,29.6],[106.5,29.6]]]}}", "geometry"),
                new Case("{\"name\":\"" + "长".repeat(401) + "\"}", "name"))) {
            assertThatThrownBy(() -> FeatureChange.read(body(c.json()))).as(c.json())
                    .isInstanceOfSatisfying(ApiException.class, e -> {
                        assertThat(e.status().value()).isEqualTo(400);
                        assertThat(e.parameter()).isEqualTo(c.parameter());
                    });
        }
    }

    @Test
    void theBaseVersionComesFromIfMatchOrTheBodyAndIsRequired() {
        assertThat(EditingController.base("\"v3\"", body("{}"))).isEqualTo(3);
        assertThat(EditingController.base("W/\"v12\"", body("{\"baseVersion\":1}"))).isEqualTo(12);
        assertThat(EditingController.base(null, body("{\"baseVersion\":4}"))).isEqualTo(4);
        assertThatThrownBy(() -> EditingController.base(null, body("{}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(428));
        assertThatThrownBy(() -> EditingController.base("*", body("{}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.parameter()).isEqualTo("If-Match"));
        assertThatThrownBy(() -> EditingController.base(null, body("{\"baseVersion\":\"2\"}")))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.parameter()).isEqualTo("baseVersion"));
        assertThat(EditingController.etag(7)).isEqualTo("\"v7\"");
    }

    @Test
    void aReasonIsRequired() {
        assertThat(FeatureEditor.reason("  moved to the gate  ")).isEqualTo("moved to the gate");
        for (String r : new String[] {null, "", "   ", "x".repeat(FeatureEditor.MAX_REASON + 1)}) {
            assertThatThrownBy(() -> FeatureEditor.reason(r))
                    .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.parameter()).isEqualTo("reason"));
        }
    }
}
