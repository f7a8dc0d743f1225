package io.faceswap.batch;

import io.faceswap.swap.VisibleLabel;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** Swaps the faces of one frame, in place, with the partition's swapper; then marks it when the task asks. */
@Named
@Dependent
public class FaceSwapProcessor implements ItemProcessor {

    @Inject
    PartitionState partition;

    @Override
    public Object processItem(Object item) {
        FrameItem frame = (FrameItem) item;
        PartitionWork work = partition.work();
        FrameItem swapped = frame.withFaces(work.swapper().process(frame.frame(), frame.index()));
        if (work.visibleLabel()) {
            VisibleLabel.draw(swapped.frame()); // after the swap: a face under the corner cannot cover the mark
        }
        return swapped;
    }
}
