package io.faceswap.batch;

import io.faceswap.config.Heartbeats;
import io.faceswap.swap.face.FaceFinderPool;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * The face models' life on this server: built once, before the first task is claimed (a task would otherwise wait
 * for them, or race to build them), reported to readiness, and released with the deployment. The engine's
 * {@link FaceFinderPool} lends them to the jobs' workers.
 */
@ApplicationScoped
public class FaceModels {
    private static final Logger LOG = Logger.getLogger(FaceModels.class.getName());

    @Inject
    Heartbeats heartbeats;

    private volatile boolean ready;

    /** Builds the models unless already built; the first call pays for it (a few hundred ms). */
    public void ensureLoaded() {
        if (ready) {
            return;
        }
        synchronized (this) {
            if (!ready) {
                long started = System.nanoTime();
                FaceFinderPool.warmUp();
                heartbeats.modelsLoaded();
                ready = true;
                LOG.info(() -> "Face models ready in " + (System.nanoTime() - started) / 1_000_000 + " ms");
            }
        }
    }

    @PreDestroy
    void release() {
        FaceFinderPool.clear();
    }
}
