package org.planmap.progress;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.planmap.audit.AuditTrail;
import org.planmap.geodata.DataSnapshots;
import org.planmap.plan.IndicatorRow;
import org.planmap.plan.IndicatorTable;
import org.planmap.system.ApiException;
import org.planmap.system.IdempotencyKeys;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The yearly values (2021–2025) of the plan's Table 2 indicators, entered by staff: checked, stored with who and when,
 * and read as the dashboard's {@code row.series}. A corrected value is a newer row; the latest of a row and year holds.
 */
@Service
public class IndicatorValues {
    static final int FIRST_YEAR = 2021;
    static final int LAST_YEAR = 2025;
    static final int MAX_NOTE = 1000;
    /** {@code Idempotency-Key} scope of staff-entered values. */
    static final String SCOPE = "indicator-value";

    private final IndicatorValueRepository values;
    private final DataSnapshots snapshots;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final IdempotencyKeys keys;
    private final Clock clock = Clock.system(ProgressService.PLAN_ZONE);

    IndicatorValues(IndicatorValueRepository values, DataSnapshots snapshots, AuditTrail audit, PlatformTransactionManager transactions,
                    IdempotencyKeys keys) {
        this.values = values;
        this.snapshots = snapshots;
        this.audit = audit;
        this.tx = new TransactionTemplate(transactions);
        this.keys = keys;
    }

    /**
     * Stores one value; 400 with the reason for an unknown row, a year outside 2021–2025 or not yet begun, a bad number.
     * With an {@code Idempotency-Key} (else null), a retry of the same request (same actor and fields) answers the
     * first value again and stores nothing, audits nothing.
     */
    IdempotencyKeys.Once<IndicatorValueRepository.Value> record(String rowId, Integer year, Double value, String note, String actor,
                                                                 String idempotencyKey) {
        String fingerprint = null;
        if (idempotencyKey != null) {
            Map<String, Object> fields = new LinkedHashMap<>();
            fields.put("rowId", rowId);
            fields.put("year", year);
            fields.put("value", value);
            fields.put("note", note);
            fingerprint = IdempotencyKeys.fingerprint(actor, fields);
        }
        return keys.once(SCOPE, idempotencyKey, fingerprint, id -> values.find(Long.parseLong(id)),
                recordKey -> store(rowId, year, value, note, actor, recordKey));
    }

    private IndicatorValueRepository.Value store(String rowId, Integer year, Double value, String note, String actor,
                                                 java.util.function.Consumer<String> recordKey) {
        IndicatorRow row = table2Rows().get(rowId);
        if (row == null) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "'" + rowId + "' is not a Table 2 indicator (table-2-row-N)", "rowId", rowId)
                    .withChinese("“" + rowId + "”不是表2中的指标（table-2-row-N）");
        }
        int thisYear = java.time.LocalDate.now(clock).getYear();
        if (year == null || year < FIRST_YEAR || year > LAST_YEAR || year > thisYear) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "year must be from " + FIRST_YEAR + " to " + Math.min(LAST_YEAR, thisYear),
                    "year", String.valueOf(year)).withChinese("年份应在 " + FIRST_YEAR + " 至 " + Math.min(LAST_YEAR, thisYear) + " 之间");
        }
        if (value == null || !Double.isFinite(value)) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "value must be a number", "value", String.valueOf(value))
                    .withChinese("数值应为数字");
        }
        String n = note == null || note.isBlank() ? null : note.strip();
        if (n != null && n.length() > MAX_NOTE) {
            throw new ApiException(HttpStatus.BAD_REQUEST, "note is longer than " + MAX_NOTE + " characters", "note", null)
                    .withChinese("说明超过 " + MAX_NOTE + " 字");
        }
        // to the microsecond, as both databases store it: a replay reads the same instant back
        Instant at = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        Map<String, Object> before = currentValue(rowId, year);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("year", year);
        after.put("value", value);
        after.put("note", n);
        long id = tx.execute(status -> {
            long stored = values.insert(rowId, year, value, n, at, actor);
            audit.record("indicator-value", rowId + "/" + year, "record", before, after, n);
            recordKey.accept(String.valueOf(stored));
            return stored;
        });
        return new IndicatorValueRepository.Value(id, rowId, year, value, n, at, actor);
    }

    /** Per Table 2 row (all of them, in table order): the current value of each year that has one, with who and when. */
    Map<String, Object> current() {
        Map<String, Map<Integer, IndicatorValueRepository.Value>> latest = new LinkedHashMap<>();
        for (IndicatorValueRepository.Value v : values.all()) latest.computeIfAbsent(v.rowId(), k -> new LinkedHashMap<>()).put(v.year(), v);
        List<Map<String, Object>> rows = new ArrayList<>();
        for (IndicatorRow r : table2Rows().values()) {
            List<Map<String, Object>> series = new ArrayList<>();
            latest.getOrDefault(r.id(), Map.of()).values().stream().sorted(java.util.Comparator.comparingInt(IndicatorValueRepository.Value::year))
                    .forEach(v -> {
                        Map<String, Object> m = new LinkedHashMap<>();
                        m.put("year", v.year());
                        m.put("value", v.value());
                        m.put("text", text(v.value()));
                        m.put("note", v.note());
                        m.put("recordedBy", v.recordedBy());
                        m.put("recordedAt", v.recordedAt().toString());
                        series.add(m);
                    });
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", r.id());
            row.put("name", r.name());
            row.put("unit", r.unit());
            row.put("series", series);
            rows.add(row);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("years", java.util.stream.IntStream.rangeClosed(FIRST_YEAR, LAST_YEAR).boxed().toList());
        out.put("rows", rows);
        return out;
    }

    private Map<String, Object> currentValue(String rowId, int year) {
        IndicatorValueRepository.Value last = null;
        for (IndicatorValueRepository.Value v : values.all()) if (v.rowId().equals(rowId) && v.year() == year) last = v;
        if (last == null) return null;
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("year", last.year());
        m.put("value", last.value());
        m.put("note", last.note());
        return m;
    }

    private Map<String, IndicatorRow> table2Rows() {
        Map<String, IndicatorRow> out = new LinkedHashMap<>();
        IndicatorTable t = snapshots.current().plan().tables().stream().filter(x -> x.id().equals("table-2")).findFirst().orElse(null);
        if (t != null) t.rows().forEach(r -> out.put(r.id(), r));
        return out;
    }

    private static String text(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }
}
