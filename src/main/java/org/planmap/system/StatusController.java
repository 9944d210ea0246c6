package org.planmap.system;

import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code GET /api/status}: what the map tells its users about the service. {@code degraded} is true while the
 * database is away (saved overlays, uploads to save and other reads of the database answer 503; the plan, the
 * map's static files and cached layers keep working). Answered from the circuit breaker's state, without a
 * query, so it stays fast during an outage.
 */
@RestController
class StatusController {
    private final DatabaseAvailability database;

    StatusController(DatabaseAvailability database) {
        this.database = database;
    }

    @GetMapping("/api/status")
    ResponseEntity<Map<String, Object>> status() {
        Map<String, Object> body = new LinkedHashMap<>();
        boolean up = database.up();
        body.put("degraded", !up);
        body.put("database", up ? "up" : "down");
        if (!up) body.put("downSince", database.downSince().toString());
        return ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(body);
    }
}
