package io.faceswap.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import java.lang.reflect.Field;
import java.util.logging.Logger;

/**
 * The registry that WildFly 39's Prometheus endpoint actually serves, and the tag that marks this deployment's meters
 * there. The MeterRegistry WildFly injects is a per-deployment wrapper (WFLY-21061) that forwards only the shortcut
 * methods ({@code counter(name, tags)}, {@code timer(name, tags)}...) to the server's registry; meters made with
 * Micrometer's builders, the only way to give a timer histogram buckets, a description or a base unit, stay in the
 * wrapper's own in-memory registry and are never exported (checked: a builder-made counter never appeared in
 * /metrics). So the builders register on the wrapper's parent, with the deployment tag the wrapper would have added.
 * Should a later WildFly change the wrapper, the injected registry is used as it is.
 */
final class ExportedRegistry {
    private static final Logger LOG = Logger.getLogger(ExportedRegistry.class.getName());
    static final String DEPLOYMENT_TAG = "WF_DEPLOYMENT";

    final MeterRegistry registry;
    final Tags tags;

    private ExportedRegistry(MeterRegistry registry, Tags tags) {
        this.registry = registry;
        this.tags = tags;
    }

    static ExportedRegistry of(MeterRegistry injected) {
        try {
            Object parent = field(injected, "parentRegistry");
            Object deployment = field(injected, "deploymentName");
            if (parent instanceof MeterRegistry server && deployment instanceof String name) {
                return new ExportedRegistry(server, Tags.of(DEPLOYMENT_TAG, name));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.fine(() -> "Meters go to the injected registry as it is: " + e);
        }
        return new ExportedRegistry(injected, Tags.empty());
    }

    private static Object field(Object owner, String name) throws ReflectiveOperationException {
        Field f = owner.getClass().getDeclaredField(name);
        f.setAccessible(true);
        return f.get(owner);
    }
}
