package io.faceswap.batch;

import java.io.Serializable;

/** Where a partition resumes: the first frame not yet committed. */
public record FrameCheckpoint(long nextFrame) implements Serializable {}
