package org.planmap.geodata;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Status;

/**
 * Readiness while the geodata is still loading (issue #14, "Ready to deploy"): before the loader has built the first
 * data snapshot, the {@code geodata} contributor of the readiness group is OUT_OF_SERVICE, so a load balancer sends
 * the instance no request it could not answer. (Over HTTP this moment cannot be seen today: the load runs before the
 * web server opens its port; the indicator keeps readiness honest should the load ever move after it.)
 */
class GeodataHealthIndicatorTests {

    @Test
    void outOfServiceUntilTheFirstSnapshotIsBuilt() {
        DataSnapshots notLoaded = new DataSnapshots(null, null, null, null, null, null, event -> { },
                new DataProperties(Duration.ZERO));
        assertThat(new GeodataHealthIndicator(notLoaded).health().getStatus()).isEqualTo(Status.OUT_OF_SERVICE);
    }
}
