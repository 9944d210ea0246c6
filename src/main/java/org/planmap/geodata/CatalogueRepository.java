package org.planmap.geodata;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The project catalogue in the database ({@code catalogue_item}), written by the loader, read into each snapshot. */
@Repository
class CatalogueRepository {
    private final JdbcTemplate jdbc;

    CatalogueRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Replaces the whole catalogue; call inside a data write. */
    void replaceAll(List<CatalogueItem> items) {
        jdbc.update("DELETE FROM catalogue_item");
        jdbc.batchUpdate("INSERT INTO catalogue_item (id, column_no, item_no, column_group, name, name_en, name_en_source, status, "
                        + "reason, decision, feature_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                items.stream().map(i -> new Object[] {i.id(), i.column(), i.number(), i.columnGroup(), i.name(), i.nameEn(),
                        i.nameEnSource(), i.status(), i.reason(), i.decision(), i.featureId()}).toList());
    }

    /** Every item, in column order. */
    List<CatalogueItem> all() {
        return jdbc.query("SELECT id, column_no, item_no, column_group, name, name_en, name_en_source, status, reason, decision, "
                + "feature_id FROM catalogue_item ORDER BY column_no, item_no", (rs, n) -> new CatalogueItem(rs.getString(1),
                rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8),
                rs.getString(9), rs.getString(10), rs.getString(11)));
    }
}
