package io.faceswap.batch;

import io.faceswap.swap.face.FaceSwapper;
import io.faceswap.swap.video.FrameReader;
import io.faceswap.swap.video.VideoInfo;

/**
 * What one partition's reader, processor and writer share (held by {@link PartitionState}): the open decoder,
 * the swapper (with its tracking state), the video's facts, the job's source photo, and
 * whether frames get the visible AI-generated mark. Opened by the reader, closed
 * by it.
 */
record PartitionWork(VideoInfo info, FrameReader reader, SharedSource source, FaceSwapper swapper, boolean visibleLabel)
        implements AutoCloseable {
    @Override
    public void close() {
        swapper.close();
        reader.close();
        source.release(); // the job's photo (TaskMedia), shared by the partitions
    }
}
