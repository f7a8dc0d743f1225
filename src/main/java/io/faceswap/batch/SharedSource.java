package io.faceswap.batch;

import io.faceswap.swap.face.FaceMapping;
import io.faceswap.swap.face.SourceFace;
import java.util.List;

/**
 * The job's decoded source photo and its face mappings' photos (native memory), freed when the job scope and every partition that took it have
 * let go. JBeret may end a failed job, and destroy its scope, while another partition of it is still inside a
 * chunk; that partition must not draw from a freed photo.
 */
final class SharedSource {
    private final SourceFace face;
    private final List<FaceMapping> mappings;
    private int holders = 1; // the job scope's own hold, released when the scope ends

    SharedSource(SourceFace face, List<FaceMapping> mappings) {
        this.face = face;
        this.mappings = List.copyOf(mappings);
    }

    SourceFace face() {
        return face;
    }

    /** The task's face mappings (issue 25); empty when it has none. */
    List<FaceMapping> mappings() {
        return mappings;
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
            MappedFaces.close(mappings, face);
            face.close();
        }
    }
}
