package io.faceswap.it;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
                    .setDataDirectory(DATA)
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

    private static final Path DATA = Path.of("target", "postgres-data");

    /** The postmaster and its children (backends, writer, checkpointer...): the server this run started. */
    static List<Long> serverPids() throws IOException {
        long postmaster = postmasterPid();
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        ProcessHandle.of(postmaster)
                .orElseThrow(() -> new IllegalStateException("no process " + postmaster))
                .descendants()
                .forEach(p -> pids.add(p.pid()));
        return pids;
    }

    /** SIGSTOP (true) or SIGCONT (false) to the PostgreSQL server's processes, as a stalled disk or host freezes it. */
    static void freeze(boolean stop) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("kill", stop ? "-STOP" : "-CONT"));
        serverPids().forEach(pid -> command.add(Long.toString(pid)));
        run(command);
    }

    /** {@code pg_ctl restart -m fast}: every connection is dropped; returns once the server accepts connections. */
    static void restartFast() throws IOException, InterruptedException {
        Path postgres = Path.of(ProcessHandle.of(postmasterPid())
                .flatMap(p -> p.info().command())
                .orElseThrow(() -> new IllegalStateException("cannot see the postmaster's binary")));
        List<String> command = new ArrayList<>();
        if ("root".equals(System.getProperty("user.name"))) {
            command.addAll(List.of("unshare", "-U")); // as zonky does: PostgreSQL refuses to run as root
        }
        command.addAll(List.of(
                postgres.resolveSibling("pg_ctl").toString(),
                "-D",
                DATA.toAbsolutePath().toString(),
                "-m",
                "fast",
                "-w",
                "-l",
                Path.of("target", "postgres-restart.log").toAbsolutePath().toString(),
                "restart"));
        run(command);
    }

    private static long postmasterPid() throws IOException {
        return Long.parseLong(
                Files.readAllLines(DATA.resolve("postmaster.pid")).get(0).trim());
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!p.waitFor(60, java.util.concurrent.TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
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
