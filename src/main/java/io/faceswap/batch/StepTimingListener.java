package io.faceswap.batch;

import jakarta.batch.api.listener.StepListener;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;

/**
 * Records when a step really ran, as its persistent user data: an ISO-8601 interval {@code <start>/<end>}, a plain
 * String so that any reader (the admin view) can parse it without this class. JBeret restamps a partitioned step's
 * start when its partitions end, and the admin API reads either that in-memory stamp or the stored one, depending on
 * its cache: the step's frame rate needs times that do not depend on which. One instance serves one step run, so
 * the start kept in beforeStep is this run's.
 */
@Named
@Dependent
public class StepTimingListener implements StepListener {

    @Inject
    StepContext stepContext;

    private Instant start;

    @Override
    public void beforeStep() {
        start = Instant.now();
    }

    @Override
    public void afterStep() {
        if (start == null) {
            return; // a listener before this one failed in beforeStep: this step's start is unknown
        }
        // JBeret saves the step's persistent user data right after its listeners' afterStep, failed or not
        stepContext.setPersistentUserData(start + "/" + Instant.now());
    }
}
