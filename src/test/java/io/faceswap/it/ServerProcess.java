package io.faceswap.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A server of our own, for tests that must restart or kill it: a copy of the provisioned server's {@code standalone}
 * directory (its own data, its own H2 file), the built WAR in its deployments, ports shifted by an offset so it can
 * run beside the Arquillian server. Listens on 127.0.0.1 only.
 */
public final class ServerProcess implements AutoCloseable {
    private static final Duration START_TIMEOUT = Duration.ofSeconds(240);
    private static final List<String> SKIPPED = List.of("data/faceswap", "log", "tmp");

    private final Path home;
    private final Path baseDir;
    private final int portOffset;
    private final List<String> properties;
    private final java.util.Map<String, String> environment = new java.util.HashMap<>();
    private Process process;

    private ServerProcess(Path home, Path baseDir, int portOffset, List<String> properties) {
        this.home = home;
        this.baseDir = baseDir;
        // shifted by the run's own offset (pom it.port.offset) so that two checkouts' ITs do not meet
        this.portOffset = portOffset + Integer.getInteger("it.port.offset", 0);
        this.properties = properties;
    }

    /** Copies a fresh base directory under target/it-servers/NAME; extra properties are {@code -Dk=v} strings. */
    public static ServerProcess prepare(String name, int portOffset, String... properties) throws IOException {
        Path home = Path.of(System.getProperty("jboss.home", "target/server")).toAbsolutePath();
        Path baseDir = Path.of("target", "it-servers", name).toAbsolutePath();
        deleteTree(baseDir);
        copyTree(home.resolve("standalone"), baseDir);
        Path war = Path.of(System.getProperty("war.path", "target/faceswap.war"));
        Files.copy(war, baseDir.resolve("deployments").resolve("faceswap.war"), StandardCopyOption.REPLACE_EXISTING);
        ServerProcess server = new ServerProcess(home, baseDir, portOffset, List.of(properties));
        if (PostgresSession.active()) {
            server.database(name.replace('-', '_')); // its own database unless told to share one
        }
        return server;
    }

    /** On a PostgreSQL run: use this database, created empty the first time a server names it. */
    public ServerProcess database(String name) {
        if (!PostgresSession.active()) {
            throw new IllegalStateException("Servers share a database only on the PostgreSQL run");
        }
        environment.put("CLIPZAP_DB_URL", SHARED_DATABASES.computeIfAbsent(name, PostgresSession::freshDatabase));
        return this;
    }

    /** An environment variable for the server process (e.g. CLIPZAP_STORAGE_DIR, CLIPZAP_NODE_ID). */
    public ServerProcess env(String name, String value) {
        environment.put(name, value);
        return this;
    }

    private static final java.util.Map<String, String> SHARED_DATABASES =
            new java.util.concurrent.ConcurrentHashMap<>();

    public URI base() {
        return URI.create("http://127.0.0.1:" + (8080 + portOffset) + "/");
    }

    public Path dataDir() {
        return baseDir.resolve("data");
    }

    public Path log() {
        return baseDir.resolve("console.log");
    }

    /** Starts the server and waits until /health answers 200. */
    public ServerProcess start() throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(
                home.resolve("bin/standalone.sh").toString(),
                "-Djboss.server.base.dir=" + baseDir,
                "-Djboss.socket.binding.port-offset=" + portOffset,
                "-Djboss.bind.address=127.0.0.1",
                "-Dclipzap.admin.token=" + ApiClient.ADMIN_TOKEN,
                "-Dorg.bytedeco.javacpp.cachedir=" + System.getProperty("javacpp.cachedir", "target/javacpp-cache"),
                // as in arquillian.xml: tests that burst are not rate limited unless they say so (later -D wins)
                "-Dclipzap.rate-limit.read.limit=100000",
                "-Dclipzap.rate-limit.create.limit=100000"));
        command.addAll(properties);
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
        builder.environment().put("JAVA_OPTS", "-Xms256m -Xmx2g -Djava.net.preferIPv4Stack=true");
        builder.environment().putAll(environment);
        process = builder.start();
        awaitHealthy();
        return this;
    }

    /** The server JVM's peak resident memory so far (VmHWM), in MB. */
    public long peakRssMb() throws IOException {
        ProcessHandle jvm = process.descendants()
                .filter(p -> p.info().command().map(c -> c.endsWith("/java")).orElse(false))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no server JVM under " + process.pid()));
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(jvm.pid()), "status"))) {
            if (line.startsWith("VmHWM:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmHWM for pid " + jvm.pid());
    }

    /** SIGKILL: the JVM gets no chance to clean up, as in a crash. */
    public void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
        awaitPortFree();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            kill();
        }
    }

    private void awaitHealthy() throws InterruptedException {
        HttpClient http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(2))
                .build();
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Server exited during start; see " + log());
            }
            try {
                HttpResponse<String> r = http.send(
                        HttpRequest.newBuilder(base().resolve("health"))
                                .timeout(Duration.ofSeconds(5))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(250); // polling interval of a bounded wait
        }
        throw new IllegalStateException("Server not healthy within " + START_TIMEOUT + "; see " + log());
    }

    private void awaitPortFree() throws InterruptedException {
        Instant deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            try (java.net.Socket ignored = new java.net.Socket("127.0.0.1", 8080 + portOffset)) {
                Thread.sleep(100); // still bound; poll again
            } catch (IOException free) {
                return;
            }
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                String relative = from.relativize(source).toString();
                if (SKIPPED.stream().anyMatch(s -> relative.equals(s) || relative.startsWith(s + "/"))) {
                    continue; // a fresh server: not the template's application data, logs or temp files
                }
                Path target = to.resolve(relative);
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.delete(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
