package org.planmap.system;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/** The app's DataSource: the pool behind a {@link DatabaseAvailability} circuit breaker. */
final class FailFastDataSource extends DelegatingDataSource {
    private final DatabaseAvailability availability;

    FailFastDataSource(DataSource pool, DatabaseAvailability availability) {
        super(pool);
        this.availability = availability;
        availability.watch(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        availability.checkUp();
        try {
            return lent(super.getConnection());
        } catch (SQLException e) {
            availability.failed(e);
            throw e;
        }
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        availability.checkUp();
        try {
            return lent(super.getConnection(username, password));
        } catch (SQLException e) {
            availability.failed(e);
            throw e;
        }
    }

    private Connection lent(Connection connection) {
        availability.lent(connection);
        return connection;
    }
}
