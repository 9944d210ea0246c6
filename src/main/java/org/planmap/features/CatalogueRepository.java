package org.planmap.features;

import java.util.List;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;

/** The project catalogue: every 专栏 item, mapped to a project-site feature or unmapped with a reason. */
@Repository
public class CatalogueRepository {
    public record Item(String id, int column, int number, String columnGroup, String name, String status, String reason,
                       String featureId) { }

    private final JdbcTemplate jdbc;

    public CatalogueRepository(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    public void replaceAll(List<Item> items) {
        jdbc.update("DELETE FROM catalogue_item");
        jdbc.batchUpdate("INSERT INTO catalogue_item (id, column_no, item_no, column_group, name, status, reason, feature_id) "
                        + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                items.stream().map(i -> new Object[] {i.id(), i.column(), i.number(), i.columnGroup(), i.name(), i.status(),
                        i.reason(), i.featureId()}).toList());
    }

    /** All items, or one column's ({@code column} null = all), in column order. */
    public List<Item> find(Integer column) {
        String sql = "SELECT id, column_no, item_no, column_group, name, status, reason, feature_id FROM catalogue_item ";
        org.springframework.jdbc.core.RowMapper<Item> mapper = (rs, n) -> new Item(rs.getString(1), rs.getInt(2), rs.getInt(3),
                rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8));
        return column == null
                ? jdbc.query(sql + "ORDER BY column_no, item_no", mapper)
                : jdbc.query(sql + "WHERE column_no = ? ORDER BY item_no", mapper, column);
    }
}
