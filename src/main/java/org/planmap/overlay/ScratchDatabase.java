package org.planmap.overlay;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.WKBReader;

/**
 * A private in-memory H2 database ({@code jdbc:h2:mem:upload-<uuid>}) for one upload, into which the H2GIS
 * file drivers import; it disappears when closed. The H2GIS function set is not loaded (it costs about a
 * second per database): the drivers only need H2's native GEOMETRY type, and rows are read back as JTS
 * geometries (H2 hands out JTS objects when JTS is on the class path; WKB is accepted too).
 */
final class ScratchDatabase implements AutoCloseable {
    final Connection connection;

    ScratchDatabase() throws SQLException {
        this.connection = DriverManager.getConnection("jdbc:h2:mem:upload-" + UUID.randomUUID());
    }

    /** A table's rows: geometry (first geometry column) and the other columns, in order. */
    record Row(Geometry geometry, Map<String, Object> values) { }

    List<Row> rows(String table) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (ResultSet rs = connection.createStatement().executeQuery("SELECT * FROM \"" + table.replace("\"", "") + "\"")) {
            ResultSetMetaData md = rs.getMetaData();
            while (rs.next()) {
                Geometry g = null;
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String type = md.getColumnTypeName(i).toUpperCase();
                    Object v = rs.getObject(i);
                    if (type.startsWith("GEOMETRY")) {
                        if (g == null) g = geometry(v);
                    } else {
                        values.put(md.getColumnName(i), v);
                    }
                }
                out.add(new Row(g, values));
            }
        }
        return out;
    }

    List<String> tables() throws SQLException {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = connection.getMetaData().getTables(null, "PUBLIC", "%", new String[] {"TABLE"})) {
            while (rs.next()) out.add(rs.getString("TABLE_NAME"));
        }
        return out;
    }

    private static Geometry geometry(Object v) throws SQLException {
        if (v == null) return null;
        if (v instanceof Geometry g) return g;
        if (v instanceof byte[] wkb) {
            try {
                return new WKBReader().read(wkb);
            } catch (ParseException e) {
                throw new SQLException("geometry is not WKB", e);
            }
        }
        throw new SQLException("unexpected geometry value " + v.getClass());
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // an in-memory database: nothing is left behind either way
        }
    }
}
