package io.faceswap.batch;

import jakarta.inject.Named;
import org.jberet.cdi.PartitionScoped;

/**
 * What one partition's reader, processor and writer share (the open decoder, the swapper with its tracking state,
 * the video's facts), as a bean of the partition's own scope: each partition thread sees its own instance, with no
 * casts of step-context data. The reader opens it and closes it.
 */
@Named
@PartitionScoped
public class PartitionState {
    private PartitionWork work;

    void open(PartitionWork opened) {
        work = opened;
    }

    PartitionWork work() {
        if (work == null) {
            throw new IllegalStateException("The partition's reader has not opened its work yet");
        }
        return work;
    }

    void close() {
        if (work != null) {
            work.close();
            work = null;
        }
    }
}
