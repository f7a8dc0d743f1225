package io.faceswap.batch;

import io.faceswap.swap.face.SourceFace;

/**
 * The job's decoded source photo (native memory), freed when the job scope and every partition that took it have
 * let go. JBeret may end a failed job, and destroy its scope, while another partition of it is still inside a
 * chunk; that partition must not draw from a freed photo.
 */
final class SharedSource {
    private final SourceFace face;
    private int holders = 1; // the job scope's own hold, released when the scope ends

    SharedSource(SourceFace face) {
        this.face = face;
    }

    SourceFace face() {
        return face;
    }

    /** One more holder; refused once every holder has let go (the photo is freed then). */
    synchronized SharedSource take() {
        if (holders == 0) {
            throw new IllegalStateException("The job's source photo was already released");
        }
        holders++;
        return this;
    }

    synchronized void release() {
        if (holders > 0 && --holders == 0) {
            face.close();
        }
    }
}
