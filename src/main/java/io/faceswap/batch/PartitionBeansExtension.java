package io.faceswap.batch;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.Extension;

/**
 * Registers {@link PartitionState} and {@link TaskMedia}: with annotated bean discovery, a class whose only
 * bean-defining annotation is a scope from a server module (JBeret's {@code @PartitionScoped}, {@code @JobScoped})
 * is not found by the deployment's scan.
 */
public class PartitionBeansExtension implements Extension {
    void register(@Observes BeforeBeanDiscovery discovery, BeanManager beans) {
        discovery.addAnnotatedType(beans.createAnnotatedType(PartitionState.class), PartitionState.class.getName());
        discovery.addAnnotatedType(beans.createAnnotatedType(TaskMedia.class), TaskMedia.class.getName());
    }
}
