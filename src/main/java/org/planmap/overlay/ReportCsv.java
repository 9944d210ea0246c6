package org.planmap.overlay;

import java.util.ArrayList;
import java.util.List;
import org.planmap.system.Csv;

/**
 * The report as CSV (RFC 4180, UTF-8 with a byte-order mark so spreadsheet software shows Chinese correctly):
 * one row per relation — a plan area touched, a project site nearby, a plan sentence, an indicator or a quantified
 * target tied to those places — then the caveats and notes. Cells go through {@link Csv#row}, so text a spreadsheet
 * would run as a formula is defused by the one rule of {@link Csv#safeCell}.
 */
final class ReportCsv {
    private static final List<String> HEADER = List.of("feature", "relation", "target_id", "target_name", "collection",
            "accuracy", "area_m2", "area_ha", "share_of_project", "share_of_zone", "length_m", "distance_m", "section", "sentence");

    private ReportCsv() { }

    static String write(OverlayReport report) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, HEADER.toArray());
        for (OverlayReport.FeatureReport f : report.features()) {
            line(out, f.name(), "self", null, null, null, null, f.areaM2(), f.areaHa(), null, null, f.lengthM(), null, null, null);
            for (OverlayReport.Touch t : f.touches()) {
                line(out, f.name(), "touches", t.id(), t.name(), t.collection(), t.accuracy(), t.areaM2(), t.areaHa(),
                        t.shareOfProject(), t.shareOfZone(), t.lengthM(), null, null, null);
            }
            for (OverlayReport.Nearby n : f.nearbySites()) {
                line(out, f.name(), "nearby", n.id(), n.name(), "project-sites", n.accuracy(), null, null, null, null, null,
                        n.distanceM(), null, null);
            }
            for (OverlayReport.PlanRef p : f.plan()) {
                line(out, f.name(), "plan", p.featureId(), p.featureName(), null, null, null, null, null, null, null, null,
                        p.nodeId() + (p.title() == null ? "" : " " + p.title()), p.sentence());
            }
            for (OverlayReport.Indicator i : f.indicators()) {
                line(out, f.name(), "indicator", i.featureId(), i.featureName(), null, null, null, null, null, null, null, null,
                        i.id() + " " + i.name(), "target " + nz(i.target()) + (i.unit() == null ? "" : " " + i.unit())
                                + (i.result() == null ? "" : "; result " + i.result()) + (i.outcome() == null ? "" : " (" + i.outcome() + ")"));
            }
            for (OverlayReport.Target t : f.targets()) {
                line(out, f.name(), "target", String.join(" ", t.featureIds()), null, null, null, null, null, null, null, null, null,
                        t.sectionId() + " " + nz(t.label()), t.sentence());
            }
        }
        for (String c : report.caveats()) line(out, null, "caveat", null, null, null, null, null, null, null, null, null, null, null, c);
        for (String n : report.notes()) line(out, null, "note", null, null, null, null, null, null, null, null, null, null, null, n);
        return out.toString();
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** One record through {@link Csv#row} (the spreadsheet-safe cell rule); whole doubles are written as integers. */
    static void line(StringBuilder out, Object... values) {
        List<Object> cells = new ArrayList<>(values.length);
        for (Object v : values) cells.add(v instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15 ? (Object) d.longValue() : v);
        out.append(Csv.row(cells));
    }
}
