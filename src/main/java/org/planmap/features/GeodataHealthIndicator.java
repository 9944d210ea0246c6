package org.planmap.features;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code geodata}, part of the readiness probe: UP once a geodata load has finished
 * ({@link GeodataLoader.DataLoaded}), OUT_OF_SERVICE before. An instance behind a load balancer is therefore
 * sent requests only when it can answer them from loaded data.
 */
@Component("geodata")
class GeodataHealthIndicator implements HealthIndicator {
    private final AtomicReference<LoadReport> last = new AtomicReference<>();

    @EventListener
    void loaded(GeodataLoader.DataLoaded event) {
        last.set(event.report());
    }

    @Override
    public Health health() {
        return last.get() == null ? Health.outOfService().build() : Health.up().build();
    }
}
