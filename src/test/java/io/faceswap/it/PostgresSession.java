package io.faceswap.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.platform.launcher.LauncherSession;
import org.junit.platform.launcher.LauncherSessionListener;

/**
 * Starts a real PostgreSQL server process (zonky's binaries from Maven Central) for the test run when the build asks
 * for one ({@code -Dpg.port=N}, set by the {@code postgres} failsafe execution, which also points the servers at it
 * through the {@code CLIPZAP_DB_*} environment), and stops it by its own handle when the run ends. Without
 * {@code pg.port} (unit tests, the H2 run) it does nothing.
 */
public class PostgresSession implements LauncherSessionListener {
    private static EmbeddedPostgres postgres;

    @Override
    public void launcherSessionOpened(LauncherSession session) {
        String port = System.getProperty("pg.port");
        if (port == null || port.isBlank()) {
            return;
        }
        try {
            postgres = EmbeddedPostgres.builder()
                    .setPort(Integer.parseInt(port))
                    .setDataDirectory(Path.of("target", "postgres-data"))
                    .setCleanDataDirectory(true)
                    .setServerConfig("max_connections", "300")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("PostgreSQL did not start on port " + port, e);
        }
    }

    @Override
    public void launcherSessionClosed(LauncherSession session) {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    /** Whether this run's servers use PostgreSQL. */
    public static boolean active() {
        return System.getProperty("pg.port") != null;
    }

    /** A fresh, empty database of that name, for servers that must not share the main one. */
    public static String freshDatabase(String name) {
        String url = "jdbc:postgresql://127.0.0.1:" + System.getProperty("pg.port") + "/postgres";
        try (Connection c = DriverManager.getConnection(url, "postgres", "postgres");
                Statement s = c.createStatement()) {
            s.execute("drop database if exists " + name + " with (force)");
            s.execute("create database " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot create database " + name, e);
        }
        return "jdbc:postgresql://127.0.0.1:" + System.getProperty("pg.port") + "/" + name;
    }
}
