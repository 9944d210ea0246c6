package org.planmap.overlay;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Repository;

/**
 * Indicators tied to features. The indicator links are not in the database yet (the {@code indicators} work
 * adds them); until a link table exists this answers an empty list and the report leaves the field out.
 */
@Repository
class IndicatorLinks {
    List<Map<String, Object>> forFeatures(Collection<String> featureIds) {
        return List.of();
    }
}
