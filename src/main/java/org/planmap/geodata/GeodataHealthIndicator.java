package org.planmap.geodata;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code geodata}, part of the readiness probe: UP once the loader has built the first data
 * snapshot, OUT_OF_SERVICE before. An instance behind a load balancer is therefore sent requests only when it can
 * answer them from loaded data.
 */
@Component("geodata")
class GeodataHealthIndicator implements HealthIndicator {
    private final DataSnapshots snapshots;

    GeodataHealthIndicator(DataSnapshots snapshots) {
        this.snapshots = snapshots;
    }

    @Override
    public Health health() {
        return snapshots.peek().map(s -> Health.up().withDetail("version", s.version()).build())
                .orElseGet(() -> Health.outOfService().build());
    }
}
