package org.planmap.editing;

import org.planmap.audit.AuditTrail;
import org.springframework.stereotype.Component;

/**
 * Records each saved version in the audit trail (entity {@code feature}, action = the version's action, the feature
 * before and after as GeoJSON, the editor's reason), in the save's transaction: no version without its audit row.
 */
@Component
class EditRecorder {
    static final String ENTITY = "feature";

    private final AuditTrail audit;

    EditRecorder(AuditTrail audit) {
        this.audit = audit;
    }

    void saved(FeatureVersion v, String before) {
        audit.record(ENTITY, v.featureId(), v.action(), FeatureDocuments.tree(before), FeatureDocuments.tree(v.feature()), v.reason());
    }
}
