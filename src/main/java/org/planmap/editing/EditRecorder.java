package org.planmap.editing;

import org.springframework.stereotype.Component;

/** Records each saved version in the audit trail (entity {@code feature}), in the save's transaction. */
@Component
class EditRecorder {
    void saved(FeatureVersion v, String before) {
        // TODO(account M1): AuditTrail.record
    }
}
