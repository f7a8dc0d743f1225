package io.faceswap.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.batch.runtime.context.StepContext;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Swaps the faces of one frame, in place, with the partition's swapper. */
@Named
@Dependent
public class FaceSwapProcessor implements ItemProcessor {

    @Inject
    StepContext stepContext;

    @Override
    public Object processItem(Object item) {
        FrameItem frame = (FrameItem) item;
        PartitionWork work = (PartitionWork) stepContext.getTransientUserData();
        return frame.withFaces(work.swapper().process(frame.frame(), frame.index()));
    }
}
