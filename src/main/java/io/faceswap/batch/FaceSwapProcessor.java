package io.faceswap.batch;

import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Swaps the faces of one frame, in place, with the partition's swapper. */
@Named
@Dependent
public class FaceSwapProcessor implements ItemProcessor {

    @Inject
    PartitionState partition;

    @Override
    public Object processItem(Object item) {
        FrameItem frame = (FrameItem) item;
        return frame.withFaces(partition.work().swapper().process(frame.frame(), frame.index()));
    }
}
