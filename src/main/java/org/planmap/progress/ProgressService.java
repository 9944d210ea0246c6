package org.planmap.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.planmap.audit.AuditTrail;
import org.planmap.geodata.CatalogueItem;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.system.ApiException;
import org.planmap.system.IdempotencyKeys;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Recording and reading implementation progress. Writes go through {@link DataSnapshots#write}: the rows and the
 * data version move in one transaction, so every ETag of the data (the OGC API's) changes with a progress write,
 * and other app instances notice it at their next poll.
 */
@Service
public class ProgressService {
    /** The plan's days are Chongqing days: "today" and every "as of" date are in China Standard Time. */
    public static final ZoneId PLAN_ZONE = ZoneId.of("Asia/Shanghai");
    /** The earliest "as of" date asked about: the plan period starts in 2021; before it nothing was recorded. */
    static final LocalDate EARLIEST = LocalDate.of(2000, 1, 1);
    /** {@code Idempotency-Key} scope of the staff form's records. */
    static final String RECORD_SCOPE = "progress-record";

    private final ProgressRepository records;
    private final DataSnapshots snapshots;
    private final AuditTrail audit;
    private final IdempotencyKeys keys;
    private final Clock clock;

    ProgressService(ProgressRepository records, DataSnapshots snapshots, AuditTrail audit, IdempotencyKeys keys) {
        this.records = records;
        this.snapshots = snapshots;
        this.audit = audit;
        this.keys = keys;
        this.clock = Clock.system(PLAN_ZONE);
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(PLAN_ZONE));
    }

    /** Every recorded item's state on {@code day} (items missing from the map are not recorded). */
    public Map<String, ProgressRecord> asOf(LocalDate day) {
        return records.asOf(day);
    }

    public List<ProgressRecord> history(String itemId) {
        return records.history(itemId);
    }

    /** The public board on {@code day}: every item, counts, and the changes of the 90 days up to it. */
    Map<String, Object> board(DataSnapshot data, LocalDate day) {
        return ProgressBoard.build(data, day, records.asOf(day),
                records.effectiveBetween(day.minusDays(ProgressBoard.RECENT_DAYS - 1), day));
    }

    /**
     * A checked-and-compared bulk file; stored ({@code apply}) only when every row is good, as one transaction with
     * one audit entry per change ({@code progress} / item id / {@code import}), when {@code audited}.
     */
    ProgressImport.Report importFile(byte[] file, boolean apply, String actor) {
        return importFile(file, apply, actor, false);
    }

    ProgressImport.Report importFile(byte[] file, boolean apply, String actor, boolean audited) {
        DataSnapshot data = snapshots.current();
        Map<String, String> names = data.catalogue().stream()
                .collect(Collectors.toMap(CatalogueItem::id, CatalogueItem::name, (a, b) -> a, LinkedHashMap::new));
        Map<String, List<ProgressRecord>> history = records.all().stream()
                .collect(Collectors.groupingBy(ProgressRecord::itemId));
        ProgressImport.Report report = ProgressImport.read(file, names, today(),
                (item, day) -> stateOn(history.getOrDefault(item, List.of()), day));
        if (apply && report.valid() && !report.changes().isEmpty()) {
            snapshots.write(() -> {
                records.insert(report.entries(), Instant.now(clock), actor, "import");
                if (audited) {
                    for (ProgressImport.Change c : report.changes()) {
                        audit.record("progress", c.catalogueId(), "import", c.before() == null ? null : ProgressBoard.record(c.before()),
                                entry(c.after()), "bulk import, line " + c.line());
                    }
                }
                return null;
            });
        }
        return report;
    }

    /**
     * Records one item's change (the staff form), audited; refuses it with every reason when a rule fails. With an
     * {@code Idempotency-Key} (else null), a retry of the same request (same actor and fields) answers the first
     * record again and stores nothing, audits nothing.
     */
    IdempotencyKeys.Once<ProgressEntry> record(Map<String, String> fields, String actor, String idempotencyKey) {
        return keys.once(RECORD_SCOPE, idempotencyKey, idempotencyKey == null ? null : IdempotencyKeys.fingerprint(actor, fields),
                id -> records.find(Long.parseLong(id)).map(ProgressService::asEntry), recordKey -> {
                    DataSnapshot data = snapshots.current();
                    Set<String> known = data.catalogue().stream().map(CatalogueItem::id).collect(Collectors.toSet());
                    ProgressRules.Checked checked = ProgressRules.check(fields, known, today());
                    if (!checked.ok()) {
                        ProgressRules.Problem first = checked.problems().get(0);
                        String all = checked.problems().stream().map(ProgressRules.Problem::reason).collect(Collectors.joining("; "));
                        String allZh = checked.problems().stream().map(ProgressRules.Problem::reasonZh).collect(Collectors.joining("；"));
                        throw new ApiException(HttpStatus.BAD_REQUEST, all, first.field(), fields.get(first.field())).withChinese(allZh);
                    }
                    ProgressEntry e = checked.entry();
                    ProgressRecord before = stateOn(records.history(e.itemId()), e.effectiveDate());
                    snapshots.write(() -> {
                        long id = records.insertOne(e, Instant.now(clock), actor, "form");
                        audit.record("progress", e.itemId(), "record", before == null ? null : ProgressBoard.record(before), entry(e), e.note());
                        recordKey.accept(String.valueOf(id));
                        return null;
                    });
                    return e;
                });
    }

    /** What a stored record says, as the entry it was recorded from. */
    private static ProgressEntry asEntry(ProgressRecord r) {
        return new ProgressEntry(r.itemId(), r.effectiveDate(), r.status(), r.startDate(), r.finishDate(), r.percentDone(),
                r.investment(), r.note(), r.evidenceUrl());
    }

    /** An entry as JSON members (for the audit trail and the import report). */
    static Map<String, Object> entry(ProgressEntry e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", e.status().code());
        m.put("statusZh", e.status().zh());
        m.put("asOf", e.effectiveDate().toString());
        m.put("startDate", e.startDate() == null ? null : e.startDate().toString());
        m.put("finishDate", e.finishDate() == null ? null : e.finishDate().toString());
        m.put("percentDone", e.percentDone());
        m.put("investment", e.investment());
        m.put("note", e.note());
        m.put("evidenceUrl", e.evidenceUrl());
        return m;
    }

    private static ProgressRecord stateOn(List<ProgressRecord> h, LocalDate day) {
        ProgressRecord last = null;
        for (ProgressRecord r : h) if (!r.effectiveDate().isAfter(day)) last = r;
        return last;
    }

    /** Parses an {@code asOf} parameter (ISO date, not before 2000 and not after today); today when absent. */
    LocalDate day(String asOf) {
        if (asOf == null || asOf.isBlank()) return today();
        LocalDate d;
        try {
            d = LocalDate.parse(asOf.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw ApiException.badParameter("asOf", asOf, "a date like 2024-06-30").withChinese("asOf 应为日期，如 2024-06-30");
        }
        if (d.isBefore(EARLIEST)) throw ApiException.badParameter("asOf", asOf, "a date from " + EARLIEST + " on");
        // a day after today answers as today: nothing can be recorded ahead of time
        return d.isAfter(today()) ? today() : d;
    }
}
