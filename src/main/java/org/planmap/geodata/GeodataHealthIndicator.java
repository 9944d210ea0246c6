package org.planmap.geodata;

import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Health contributor {@code geodata}, part of the readiness probe: UP once a data snapshot is current (the first
 * {@link DataChanged}, published when the geodata load has finished), OUT_OF_SERVICE before. An instance behind a load balancer is therefore
 * sent requests only when it can answer them from loaded data.
 */
@Component("geodata")
class GeodataHealthIndicator implements HealthIndicator {
    private final AtomicReference<DataSnapshot> last = new AtomicReference<>();

    @EventListener
    void loaded(DataChanged event) {
        last.set(event.current());
    }

    @Override
    public Health health() {
        return last.get() == null ? Health.outOfService().build() : Health.up().build();
    }
}
