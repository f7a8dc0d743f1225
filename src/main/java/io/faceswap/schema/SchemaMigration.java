package io.faceswap.schema;

import jakarta.annotation.Priority;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the schema up to date when the application starts, before the dispatcher or any request uses it (this
 * observer runs first). Several nodes starting at once are safe: Flyway takes a database lock while it migrates.
 * A database made by an earlier release (tables from Hibernate's hbm2ddl, no Flyway history) is baselined at V1.
 */
@ApplicationScoped
public class SchemaMigration {
    private static final Logger LOG = Logger.getLogger(SchemaMigration.class.getName());

    @Resource(lookup = "java:jboss/datasources/FaceSwapDS")
    DataSource dataSource;

    private volatile boolean done;

    /** True once the migrations ran (readiness). */
    public boolean done() {
        return done;
    }

    void migrate(
            @Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) @Initialized(ApplicationScoped.class)
                    Object ignored) {
        // the batch subsystem creates its job repository tables before the application starts, so a new database
        // is never empty: baseline it at 0 (then V1 runs); one of an earlier release already has V1's tables
        boolean legacy = hasTable("faceswap_task") && !hasTable("flyway_schema_history");
        Flyway flyway = Flyway.configure(getClass().getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                .baselineOnMigrate(true)
                .baselineVersion(legacy ? "1" : "0")
                .baselineDescription(legacy ? "schema made by hbm2ddl before migrations" : "empty schema")
                .load();
        MigrateResult result = flyway.migrate();
        done = true;
        LOG.info(() -> "Schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied" + (legacy ? ", baselined an earlier release's schema" : "") + ")");
    }

    private boolean hasTable(String name) {
        try (Connection c = dataSource.getConnection();
                ResultSet tables = tables(c.getMetaData())) {
            while (tables.next()) {
                if (name.equalsIgnoreCase(tables.getString("TABLE_NAME"))) {
                    return true;
                }
            }
            return false;
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the database's tables", e);
        }
    }

    private static ResultSet tables(DatabaseMetaData meta) throws SQLException {
        // H2 keeps unquoted names in upper case, PostgreSQL in lower case: ask for any and compare ourselves
        return meta.getTables(null, null, "%", new String[] {"TABLE"});
    }
}
