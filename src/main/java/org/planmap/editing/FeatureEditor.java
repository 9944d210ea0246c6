package org.planmap.editing;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Geometry;
import org.planmap.features.FeatureRepository;
import org.planmap.features.StoredFeature;
import org.planmap.geodata.CatalogueItem;
import org.planmap.geodata.DataSnapshot;
import org.planmap.geodata.DataSnapshots;
import org.planmap.system.ApiException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * Staff edits of the map: every save is a new version of the feature (who, when, why, the whole feature); any
 * version can be restored (as a new version); an unmapped catalogue item can be placed; a seed conflict is resolved.
 *
 * <p>Each save names the version it was made on; when another save got there first the save is refused
 * ({@link StaleVersionException}) and nothing is written: the editor's own change stays in their browser and the
 * stored one is untouched. The check is the database's: the version moves by a conditional update and each version
 * row has a primary key, so two saves on one base cannot both commit, on one instance or two.
 *
 * <p>Writes go through {@link DataSnapshots#write}: the map, the OGC API, search and the plan's text links show the
 * edit when the save returns; other instances within a poll interval.
 */
@Service
public class FeatureEditor {
    static final int MAX_REASON = 2000;

    private final DataSnapshots snapshots;
    private final FeatureRepository features;
    private final EditStore store;
    private final EditRecorder recorder;

    FeatureEditor(DataSnapshots snapshots, FeatureRepository features, EditStore store, EditRecorder recorder) {
        this.snapshots = snapshots;
        this.features = features;
        this.store = store;
        this.recorder = recorder;
    }

    /** A feature as an editor opens it: the stored feature, the version to name when saving, the staff record. */
    public record Current(StoredFeature feature, int version, Optional<StaffFeature> staff) { }

    /** The feature as stored now (not the snapshot, which may be a poll behind another instance's save). */
    public Current current(String id) {
        StoredFeature f = features.get(id).orElseThrow(() -> ApiException.notFound("Feature", id));
        Optional<StaffFeature> staff = store.staff(id);
        return new Current(f, staff.map(StaffFeature::version).orElse(1), staff);
    }

    /** The versions of a feature, newest first; empty for a feature nobody edited (its version 1 is the seed). */
    public List<FeatureVersion> history(String id) {
        List<FeatureVersion> versions = store.history(id);
        if (versions.isEmpty() && features.get(id).isEmpty()) throw ApiException.notFound("Feature", id);
        return versions;
    }

    /** Every feature staff edited or placed, with its open seed conflict if any. */
    public List<StaffFeature> edited() {
        return store.allStaff();
    }

    /** Saves a change made on {@code baseVersion} as the next version. */
    public FeatureVersion save(String id, FeatureChange change, int baseVersion, String reason, String actor) {
        String why = reason(reason);
        DataSnapshot data = snapshots.current();
        return guarded(id, baseVersion, () -> snapshots.write(() -> {
            StoredFeature before = features.get(id).orElseThrow(() -> ApiException.notFound("Feature", id));
            StaffFeature staff = store.staff(id).orElse(null);
            checkBase(id, staff, baseVersion);
            StoredFeature after = apply(data, before, change);
            EditValidation.check(data, after);
            if (FeatureDocuments.same(FeatureDocuments.write(before), FeatureDocuments.write(after))) {
                throw EditValidation.refuse(null, "the save changes nothing", "没有任何修改");
            }
            return commit(before, after, staff, baseVersion, FeatureVersion.EDIT, null, why, actor);
        }));
    }

    /** Makes version {@code version} current again, as a new version. */
    public FeatureVersion restore(String id, int version, int baseVersion, String reason, String actor) {
        String why = reason(reason);
        DataSnapshot data = snapshots.current();
        return guarded(id, baseVersion, () -> snapshots.write(() -> {
            StaffFeature staff = store.staff(id).orElse(null);
            FeatureVersion old = store.version(id, version)
                    .orElseThrow(() -> ApiException.notFound("Version " + version + " of feature", id));
            checkBase(id, staff, baseVersion);
            StoredFeature before = features.get(id).orElse(null);
            StoredFeature after = FeatureDocuments.read(old.collection(), old.feature());
            EditValidation.check(data, after);
            if (before != null && FeatureDocuments.same(FeatureDocuments.write(before), old.feature())) {
                throw EditValidation.refuse("version", "version " + version + " is what the map shows now", "该版本就是当前版本");
            }
            if (staff != null && staff.removed()) store.removed(id, false);
            return commit(before, after, staff, baseVersion, FeatureVersion.RESTORE, version, why, actor);
        }));
    }

    /**
     * Places an unmapped catalogue item on the map: a new project site {@code site-<itemId>} with the item's names,
     * column and plan references, linked both ways to the item.
     */
    public FeatureVersion place(String itemId, FeatureChange change, String reason, String actor) {
        String why = reason(reason);
        DataSnapshot data = snapshots.current();
        CatalogueItem item = data.catalogue().stream().filter(i -> i.id().equals(itemId)).findFirst()
                .orElseThrow(() -> ApiException.notFound("Catalogue item", itemId));
        if (item.mapped()) {
            throw new ApiException(HttpStatus.CONFLICT, "catalogue item '" + itemId + "' is already on the map as '"
                    + item.featureId() + "': edit that feature instead", null, itemId).withChinese("该条目已在地图上（" + item.featureId() + "），请编辑该要素");
        }
        if (change.geometry() == null) throw EditValidation.refuse("geometry", "placing an item needs its geometry", "请在地图上放置位置");
        String id = "site-" + itemId;
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("name", item.name());
        props.put("nameEn", item.nameEn());
        props.put("nameEnSource", item.nameEnSource());
        props.put("aliases", List.of());
        props.put("accuracy", "approximate");
        props.put("accuracyNote", "工作人员依据规划文本在地图上放置，位置为近似");
        props.put("accuracyNoteEn", "placed on the map by the district's planning staff from the plan's text; the position is approximate");
        props.put("planRefs", List.of("col-" + item.column(), item.id()));
        props.put("source", "staff");
        props.put("catalogueId", item.id());
        props.put("column", item.column());
        props.put("columnGroup", item.columnGroup());
        props.put("place", "staff");
        StoredFeature placed = apply(data, FeatureDocuments.of(id, "project-sites", props, change.geometry()), change);
        EditValidation.check(data, placed);
        return guarded(id, 0, () -> snapshots.write(() -> {
            if (features.get(id).isPresent() || store.staff(id).isPresent()) {
                throw new ApiException(HttpStatus.CONFLICT, "feature '" + id + "' exists already", null, id);
            }
            if (!store.mapCatalogueItem(itemId, id)) {
                throw new ApiException(HttpStatus.CONFLICT, "catalogue item '" + itemId + "' was placed meanwhile", null, itemId);
            }
            String doc = FeatureDocuments.write(placed);
            store.insertStaff(new StaffFeature(id, "project-sites", 1, null, null, null, null, false));
            FeatureVersion v = new FeatureVersion(id, 1, "project-sites", FeatureVersion.PLACE, null, doc, actor, why, Instant.now());
            store.insertVersion(v);
            features.save(placed);
            recorder.saved(v, null);
            return v;
        }));
    }

    /** Closes a seed conflict: keep staff's version ({@code keep-staff}) or take the seed's ({@code take-seed}). */
    public FeatureVersion resolve(String id, String choice, int baseVersion, String reason, String actor) {
        String why = reason(reason);
        if (!FeatureVersion.KEEP_STAFF.equals(choice) && !FeatureVersion.TAKE_SEED.equals(choice)) {
            throw EditValidation.refuse("choice", "choice must be keep-staff or take-seed", "请选择保留工作人员版本或采用底稿版本");
        }
        return guarded(id, baseVersion, () -> snapshots.write(() -> {
            StaffFeature staff = store.staff(id).orElseThrow(() -> ApiException.notFound("Edited feature", id));
            checkBase(id, staff, baseVersion);
            if (!staff.inConflict()) {
                throw new ApiException(HttpStatus.CONFLICT, "feature '" + id + "' has no open seed conflict", null, id)
                        .withChinese("该要素没有待处理的底稿冲突");
            }
            FeatureVersion current = store.version(id, staff.version()).orElseThrow();
            StoredFeature before = features.get(id).orElse(null);
            int next = staff.version() + 1;
            if (!store.advance(id, staff.version(), next)) throw new StaleVersionException(id, baseVersion, -1, false);
            FeatureVersion v;
            if (FeatureVersion.KEEP_STAFF.equals(choice)) {
                v = new FeatureVersion(id, next, staff.collection(), choice, null, current.feature(), actor, why, Instant.now());
                store.rebase(id, staff.seedConflict());
            } else if (StaffFeature.REMOVED.equals(staff.conflictKind())) {
                // the seed no longer has the feature: it leaves the map; its history stays and can be restored
                v = new FeatureVersion(id, next, staff.collection(), choice, null, current.feature(), actor, why, Instant.now());
                store.rebase(id, null);
                store.removed(id, true);
                features.delete(id);
            } else {
                v = new FeatureVersion(id, next, staff.collection(), choice, null, staff.seedConflict(), actor, why, Instant.now());
                store.rebase(id, staff.seedConflict());
                features.save(FeatureDocuments.read(staff.collection(), staff.seedConflict()));
            }
            store.insertVersion(v);
            recorder.saved(v, before == null ? null : FeatureDocuments.write(before));
            return v;
        }));
    }

    /** Appends the next version and writes the feature; the caller checked the base version. */
    private FeatureVersion commit(StoredFeature before, StoredFeature after, StaffFeature staff, int base, String action,
                                  Integer restoredFrom, String reason, String actor) {
        Instant now = Instant.now();
        String id = after.id();
        int next = base + 1;
        if (staff == null) {
            // the first edit: version 1 is the seed as it was, so it can be restored and seed changes compared with it
            String seed = FeatureDocuments.write(before);
            store.insertStaff(new StaffFeature(id, after.collection(), next, seed, null, null, null, false));
            store.insertVersion(new FeatureVersion(id, 1, before.collection(), FeatureVersion.SEED, null, seed, null,
                    "geodata/" + before.collection() + ".geojson", now));
        } else if (!store.advance(id, base, next)) {
            throw new StaleVersionException(id, base, -1, false);
        }
        FeatureVersion v = new FeatureVersion(id, next, after.collection(), action, restoredFrom, FeatureDocuments.write(after),
                actor, reason, now);
        store.insertVersion(v);
        features.save(after);
        recorder.saved(v, before == null ? null : FeatureDocuments.write(before));
        return v;
    }

    private void checkBase(String id, StaffFeature staff, int base) {
        int current = staff == null ? 1 : staff.version();
        if (base != current) throw new StaleVersionException(id, base, current, false);
    }

    /** A concurrent save that passed the version check at the same moment fails on a key: the same refusal. */
    private <T> T guarded(String id, int base, java.util.function.Supplier<T> write) {
        try {
            return write.get();
        } catch (DuplicateKeyException e) {
            throw new StaleVersionException(id, base, -1, false);
        }
    }

    /** The feature with the change applied; zone members follow a moved geometry. */
    static StoredFeature apply(DataSnapshot data, StoredFeature f, FeatureChange c) {
        Map<String, Object> props = new LinkedHashMap<>(f.properties());
        put(props, "name", c.name());
        put(props, "nameEn", c.nameEn());
        if (c.nameEn() != null && !c.nameEn().equals(f.nameEn()) && props.containsKey("nameEnSource")) {
            props.put("nameEnSource", "planmap translation");
        }
        if (c.aliases() != null) props.put("aliases", new ArrayList<>(c.aliases()));
        put(props, "accuracy", c.accuracy());
        put(props, "accuracyNote", c.accuracyNote());
        put(props, "accuracyNoteEn", c.accuracyNoteEn());
        if (c.planRefs() != null) props.put("planRefs", new ArrayList<>(c.planRefs()));
        Geometry g = c.geometry() == null ? f.geometry() : c.geometry();
        boolean zoned = !List.of("zones", "district").contains(f.collection());
        if (c.geometry() != null && zoned && (props.containsKey("zone") || "project-sites".equals(f.collection()))) {
            props = ZoneShares.tag(props, g, data.features("zones"));
        }
        return FeatureDocuments.of(f.id(), f.collection(), props, g);
    }

    private static void put(Map<String, Object> props, String key, String value) {
        if (value == null) return;
        if (value.isEmpty()) props.remove(key);
        else props.put(key, value);
    }

    static String reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw EditValidation.refuse("reason", "say why you make this change (reason is required)", "请填写修改原因");
        }
        String r = reason.strip();
        if (r.length() > MAX_REASON) throw EditValidation.refuse("reason", "the reason is longer than " + MAX_REASON + " characters", "原因过长");
        return r;
    }
}
