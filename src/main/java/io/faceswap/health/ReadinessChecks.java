package io.faceswap.health;

import io.faceswap.config.Heartbeats;
import io.faceswap.config.StorageDirectory;
import io.faceswap.schema.SchemaMigration;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness (/health/ready on the management port): this node can take work. The database answers within
 * {@code clipzap.health.ready-timeout-millis} (a hanging database makes the probe answer DOWN in that time, not
 * hang with it), the storage directory takes a file, the face models are loaded, the schema migrations ran.
 */
@ApplicationScoped
public class ReadinessChecks {

    @Inject
    DatabaseProbe database;

    @Inject
    StorageDirectory storage;

    @Inject
    Heartbeats heartbeats;

    @Inject
    SchemaMigration schema;

    @Resource(lookup = "java:comp/DefaultManagedExecutorService")
    ManagedExecutorService executor;

    @Inject
    @ConfigProperty(name = "clipzap.health.ready-timeout-millis")
    long timeoutMillis;

    /** All four checks up (the clipzap_ready gauge). */
    public boolean ready() {
        return Stream.of(database(), storage(), faceModels(), migrations())
                .allMatch(c -> c.call().getStatus() == HealthCheckResponse.Status.UP);
    }

    @Produces
    @Readiness
    HealthCheck database() {
        return () -> {
            boolean up;
            try {
                up = CompletableFuture.supplyAsync(database::databaseUp, executor)
                        .get(timeoutMillis, TimeUnit.MILLISECONDS);
            } catch (TimeoutException | ExecutionException e) {
                up = false;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                up = false;
            }
            return HealthCheckResponse.named("database").status(up).build();
        };
    }

    @Produces
    @Readiness
    HealthCheck storage() {
        return () -> {
            boolean writable;
            try {
                Path dir = storage.resolve("health");
                Files.delete(Files.createTempFile(dir, "ready", ".tmp"));
                writable = true;
            } catch (IOException | RuntimeException e) {
                writable = false;
            }
            return HealthCheckResponse.named("storage").status(writable).build();
        };
    }

    @Produces
    @Readiness
    HealthCheck faceModels() {
        return () -> HealthCheckResponse.named("face-models")
                .status(heartbeats.areModelsLoaded())
                .build();
    }

    @Produces
    @Readiness
    HealthCheck migrations() {
        return () ->
                HealthCheckResponse.named("migrations").status(schema.done()).build();
    }
}
