package org.planmap.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** No value whose name says it is a secret reaches the audit table, at any depth. */
class AuditRedactionTests {
    private final AuditTrail trail = new AuditTrail(null, JsonMapper.builder().build());

    @Test
    void secretNamedPropertiesAreRedactedAtAnyDepth() {
        String json = trail.toJson(Map.of("username", "anna", "password", "hunter2-secret-value",
                "tokens", List.of(Map.of("tokenHash", "abc123", "label", "qgis")),
                "nested", Map.of("clientSecret", "s3cr3t", "passwordHash", "{bcrypt}$2a$10$x")));
        assertThat(json).contains("\"username\":\"anna\"", "\"label\":\"qgis\"")
                .doesNotContain("hunter2-secret-value", "abc123", "s3cr3t", "$2a$10$x");
        assertThat(json).contains(AuditTrail.REDACTED);
    }

    @Test
    void nullStaysNullAndPlainValuesStay() {
        assertThat(trail.toJson(null)).isNull();
        assertThat(trail.toJson(Map.of("name", "沙坪坝"))).isEqualTo("{\"name\":\"沙坪坝\"}");
    }
}
