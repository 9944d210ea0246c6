package org.planmap.features;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;
import org.locationtech.jts.io.WKBWriter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.stereotype.Repository;

/**
 * The feature store. Every statement here runs unchanged on PostGIS and H2GIS: geometry goes in and out as
 * WKB ({@code ST_GeomFromWKB}, {@code ST_AsBinary}), bbox filters use {@code &&} (index) plus
 * {@code ST_Intersects} (exact), and bboxes are kept in plain columns so no vendor's extent aggregate is needed.
 * Values are always bound. Pages and bbox queries of the OGC API are answered from the data snapshot
 * ({@link FeatureSelection}), which is read from here.
 */
@Repository
public class FeatureRepository {
    private static final String SELECT_COLUMNS = "SELECT id, collection, name, name_en, accuracy, zone, column_no, properties, "
            + "ST_AsBinary(geom) AS wkb";
    private static final String SELECT = SELECT_COLUMNS + " FROM feature ";

    private final JdbcTemplate jdbc;
    private final RowMapper<StoredFeature> rowMapper = this::mapRow;

    public FeatureRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public List<StoredFeature> all(String collection) {
        return jdbc.query(SELECT + "WHERE collection = ? ORDER BY seq", rowMapper, collection);
    }

    /** Every feature, grouped by collection (in no particular order), each collection in stored order. */
    public Map<String, List<StoredFeature>> allByCollection() {
        Map<String, List<StoredFeature>> out = new LinkedHashMap<>();
        for (StoredFeature f : jdbc.query(SELECT + "ORDER BY collection, seq", rowMapper)) {
            out.computeIfAbsent(f.collection(), k -> new ArrayList<>()).add(f);
        }
        return out;
    }

    public Optional<StoredFeature> get(String id) {
        return jdbc.query(SELECT + "WHERE id = ?", rowMapper, id).stream().findFirst();
    }

    public List<StoredFeature> getAll(Collection<String> ids) {
        if (ids.isEmpty()) return List.of();
        String marks = String.join(",", java.util.Collections.nCopies(ids.size(), "?"));
        return jdbc.query(SELECT + "WHERE id IN (" + marks + ") ORDER BY collection, seq", rowMapper, ids.toArray());
    }

    /** Features of the given collections whose geometry intersects {@code geometry} (WGS84). */
    public List<StoredFeature> intersecting(Geometry geometry, Collection<String> collections) {
        if (collections.isEmpty()) return List.of();
        Envelope e = geometry.getEnvelopeInternal();
        List<Object> args = new ArrayList<>(collections);
        args.addAll(List.of(e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), new WKBWriter().write(geometry)));
        String marks = String.join(",", java.util.Collections.nCopies(collections.size(), "?"));
        return jdbc.query(SELECT + "WHERE collection IN (" + marks + ") AND geom && ST_MakeEnvelope(?, ?, ?, ?, 4326) "
                + "AND ST_Intersects(geom, ST_GeomFromWKB(?, 4326)) ORDER BY collection, seq", rowMapper, args.toArray());
    }

    /** Per collection: count and bbox [minx, miny, maxx, maxy]. */
    public record CollectionStats(long count, double[] bbox) { }

    /** Replaces a whole collection; call inside a data write ({@code DataSnapshots.write}). */
    public void replaceCollection(String collection, List<StoredFeature> features) {
        jdbc.update("DELETE FROM feature WHERE collection = ?", collection);
        List<Object[]> rows = new ArrayList<>();
        WKBWriter wkb = new WKBWriter(2);
        int seq = 0;
        for (StoredFeature f : features) {
            Envelope e = f.envelope();
            Object group = f.properties().get("columnGroup");
            Object kind = f.properties().get("kind");
            rows.add(new Object[] {f.id(), collection, seq++, f.name(), f.nameEn(), f.accuracy(), f.zone(), f.column(),
                    group == null ? null : group.toString(), kind == null ? null : kind.toString(),
                    e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), f.propertiesJson(),
                    wkb.write(f.geometry())});
        }
        jdbc.batchUpdate("INSERT INTO feature (id, collection, seq, name, name_en, accuracy, zone, column_no, column_group, "
                + "kind, min_x, min_y, max_x, max_y, properties, geom) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326))", rows);
    }

    /**
     * Writes one feature: updates its row (keeping its place in the collection's order) or, for a new id, appends
     * it to the collection. The indexed columns are taken from the feature, so they stay in step with
     * {@code properties}. Call inside a data write ({@code DataSnapshots.write}).
     */
    public void save(StoredFeature f) {
        Envelope e = f.envelope();
        Object group = f.properties().get("columnGroup");
        Object kind = f.properties().get("kind");
        byte[] geometry = new WKBWriter(2).write(f.geometry());
        int updated = jdbc.update("UPDATE feature SET collection = ?, name = ?, name_en = ?, accuracy = ?, zone = ?, column_no = ?, "
                        + "column_group = ?, kind = ?, min_x = ?, min_y = ?, max_x = ?, max_y = ?, properties = ?, "
                        + "geom = ST_GeomFromWKB(?, 4326) WHERE id = ?",
                f.collection(), f.name(), f.nameEn(), f.accuracy(), f.zone(), f.column(),
                group == null ? null : group.toString(), kind == null ? null : kind.toString(),
                e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), f.propertiesJson(), geometry, f.id());
        if (updated > 0) return;
        Integer last = jdbc.queryForObject("SELECT MAX(seq) FROM feature WHERE collection = ?", Integer.class, f.collection());
        jdbc.update("INSERT INTO feature (id, collection, seq, name, name_en, accuracy, zone, column_no, column_group, "
                        + "kind, min_x, min_y, max_x, max_y, properties, geom) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326))",
                f.id(), f.collection(), last == null ? 0 : last + 1, f.name(), f.nameEn(), f.accuracy(), f.zone(), f.column(),
                group == null ? null : group.toString(), kind == null ? null : kind.toString(),
                e.getMinX(), e.getMinY(), e.getMaxX(), e.getMaxY(), f.propertiesJson(), geometry);
    }

    /** Removes one feature; call inside a data write. Returns whether it existed. */
    public boolean delete(String id) {
        return jdbc.update("DELETE FROM feature WHERE id = ?", id) > 0;
    }

    private StoredFeature mapRow(ResultSet rs, int n) throws SQLException {
        try {
            Geometry g = new WKBReader().read(rs.getBytes("wkb"));
            g.setSRID(4326);
            Object columnNo = rs.getObject("column_no");
            Integer column = columnNo == null ? null : ((Number) columnNo).intValue();
            return StoredFeature.fromJson(rs.getString("id"), rs.getString("collection"), rs.getString("name"),
                    rs.getString("name_en"), rs.getString("accuracy"), rs.getString("zone"), column, rs.getString("properties"), g);
        } catch (ParseException e) {
            throw new SQLException("Stored geometry of " + rs.getString("id") + " is not valid WKB", e);
        }
    }
}
