package org.planmap.progress;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One stored change of an item's progress: the state from {@code effectiveDate} on, until a record with a later
 * effective date. Never updated; a correction is a newer record with the same effective date.
 *
 * @param investment investment to date, 万元 (10,000 yuan); null when not reported
 * @param source     {@code form} (entered one by one) or {@code import} (bulk CSV)
 */
public record ProgressRecord(long id, String itemId, LocalDate effectiveDate, ProgressStatus status, LocalDate startDate,
                             LocalDate finishDate, Integer percentDone, Double investment, String note, String evidenceUrl,
                             Instant recordedAt, String recordedBy, String source) {

    /** Whether {@code other} says the same about the item (ignoring who recorded it, when and how). */
    boolean sameStateAs(ProgressEntry other) {
        return status == other.status() && java.util.Objects.equals(startDate, other.startDate())
                && java.util.Objects.equals(finishDate, other.finishDate()) && java.util.Objects.equals(percentDone, other.percentDone())
                && java.util.Objects.equals(investment, other.investment()) && java.util.Objects.equals(note, other.note())
                && java.util.Objects.equals(evidenceUrl, other.evidenceUrl());
    }
}
