package org.planmap.indicators;

import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.GeodataProperties;
import org.springframework.stereotype.Component;

/**
 * The indicator views of a data snapshot: the {@link IndicatorCatalog} is built once per plan text, the
 * {@link IndicatorLinks} to features once per snapshot; both on first use.
 */
@Component
public class Indicators {
    private final DataSnapshot.PlanView<IndicatorCatalog> catalog;
    private final DataSnapshot.View<IndicatorLinks> links;

    /** Reads the indicator files of the geodata folder now, so a missing or broken one stops the start. */
    public Indicators(GeodataProperties geodata) {
        IndicatorCatalog.Additions additions = IndicatorCatalog.Additions.read(geodata.dir());
        this.catalog = DataSnapshot.PlanView.of("indicator catalog", plan -> new IndicatorCatalog(plan.document(), additions));
        this.links = DataSnapshot.View.of("indicator links", data -> new IndicatorLinks(data.get(catalog), data));
    }

    public IndicatorCatalog catalog(DataSnapshot data) {
        return data.get(catalog);
    }

    public IndicatorLinks links(DataSnapshot data) {
        return data.get(links);
    }
}
