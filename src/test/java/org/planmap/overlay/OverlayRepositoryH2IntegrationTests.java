package org.planmap.overlay;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.test.context.SpringBootTest;

/** {@link OverlayRepositoryContract} on the embedded H2GIS database. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OverlayRepositoryH2IntegrationTests extends OverlayRepositoryContract {

    /** H2's SCRIPT (what {@code org.h2.tools.Script} runs) and RUNSCRIPT into a new empty database. */
    @Override
    Restored restore(Path workDir) throws Exception {
        Path backup = workDir.resolve("planmap-backup.zip");
        jdbc.execute("SCRIPT TO '" + backup + "' COMPRESSION ZIP");
        List<String> ids = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:restore-" + UUID.randomUUID(), "sa", "")) {
            c.createStatement().execute("RUNSCRIPT FROM '" + backup + "' COMPRESSION ZIP");
            try (ResultSet rs = c.createStatement().executeQuery("SELECT o.id FROM overlay o JOIN overlay_feature f ON f.overlay_id = o.id "
                    + "WHERE ST_Intersects(f.geom, ST_GeomFromText('POINT (106.45 29.58)', 4326))")) {
                while (rs.next()) ids.add(rs.getString(1));
            }
            return new Restored(ids, rowCounts(c, c.getSchema()));
        }
    }
}
