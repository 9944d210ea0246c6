package org.planmap.geodata;

import java.time.Duration;
import org.planmap.features.CollectionRegistry;
import org.planmap.features.FeatureRepository;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A second app instance's data holder over the same database as a test's app context, polling every 200 ms: what
 * another instance would read. Stop it when done.
 */
public final class SecondInstance {
    private SecondInstance() { }

    public static DataSnapshots holder(ApplicationContext app) {
        DataSnapshots other = new DataSnapshots(app.getBean(CollectionRegistry.class), app.getBean(FeatureRepository.class),
                app.getBean(CatalogueRepository.class), app.getBean(PlanSourceRepository.class), app.getBean(DataVersionRepository.class),
                app.getBean(PlatformTransactionManager.class), app, new DataProperties(Duration.ofMillis(200)));
        other.refresh();
        other.start();
        return other;
    }
}
