package io.faceswap.batch;

import io.faceswap.swap.VisibleLabel;
import io.faceswap.swap.face.FaceSwapper;
import jakarta.batch.api.chunk.ItemProcessor;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * Swaps the faces of one frame, in place, with the partition's swapper, measures on sampled frames how much the
 * swapped faces look like their photos, then marks it when the task asks.
 */
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
        if (swapped.faces() > 0 && frame.index() % FaceSwapper.IDENTITY_SAMPLE_EVERY == 0) { // before the mark is drawn
            swapped = swapped.withIdentity(work.swapper().swappedIdentity(swapped.frame()));
        }
        if (work.visibleLabel()) {
            VisibleLabel.draw(swapped.frame()); // after the swap: a face under the corner cannot cover the mark
        }
        return swapped;
    }
}
