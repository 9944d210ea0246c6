package org.planmap.progress;

import java.time.LocalDate;

/** A change to record, checked ({@link ProgressRules}) but not yet stored. */
public record ProgressEntry(String itemId, LocalDate effectiveDate, ProgressStatus status, LocalDate startDate,
                            LocalDate finishDate, Integer percentDone, Double investment, String note, String evidenceUrl) {
}
