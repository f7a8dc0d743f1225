package io.faceswap.batch;

import io.faceswap.swap.face.FaceFinder;
import io.faceswap.swap.face.FaceMapping;
import io.faceswap.swap.face.ImageTooLargeException;
import io.faceswap.swap.face.NoFaceInImageException;
import io.faceswap.swap.face.NotAnImageException;
import io.faceswap.swap.face.SourceFace;
import io.faceswap.swap.face.SourceFaceTooSmallException;
import io.faceswap.swap.face.SourceFaceTurnedException;
import io.faceswap.task.FaceMappings;
import io.faceswap.task.TaskErrorCode;
import io.faceswap.task.TaskFiles;
import java.util.ArrayList;
import java.util.List;

/**
 * A task's face mappings made ready for its job (issue 25): each reference photo's person as an identity vector, each
 * pair's photo checked as the task's photo is. A failure carries a code of its own (REFERENCE_*, MAPPED_PHOTO_*),
 * and its message names the pair.
 */
final class MappedFaces {
    private MappedFaces() {}

    /**
     * @param taskSource the task's own photo, the face of pairs that name none (not closed here)
     * @return the mappings; their own photos are the caller's to close ({@link SharedSource})
     */
    static List<FaceMapping> load(
            TaskFiles files, String taskId, List<FaceMappings.Pair> pairs, SourceFace taskSource, FaceFinder finder) {
        List<FaceMapping> loaded = new ArrayList<>();
        try {
            for (int i = 0; i < pairs.size(); i++) {
                float[] listed = pairs.get(i).vector(); // a face listed for the client, by its id
                float[] reference = listed != null ? listed : reference(files, taskId, i, finder);
                SourceFace face = pairs.get(i).imageUrl() == null ? taskSource : photo(files, taskId, i, finder);
                loaded.add(new FaceMapping(reference, face));
            }
            return loaded;
        } catch (RuntimeException e) {
            close(loaded, taskSource);
            throw e;
        }
    }

    /** Closes the mappings' own photos (not the task's). */
    static void close(List<FaceMapping> mappings, SourceFace taskSource) {
        mappings.stream().map(FaceMapping::source).filter(s -> s != taskSource).forEach(SourceFace::close);
    }

    private static float[] reference(TaskFiles files, String taskId, int i, FaceFinder finder) {
        String which = "faceMappings[" + i + "].referenceImageUrl";
        try {
            return FaceMapping.referenceFrom(files.reference(taskId, i), finder, SourceFace.DEFAULT_MAX_PIXELS);
        } catch (NotAnImageException e) {
            throw failure(TaskErrorCode.REFERENCE_NOT_AN_IMAGE, which, e);
        } catch (ImageTooLargeException e) {
            throw failure(TaskErrorCode.REFERENCE_IMAGE_TOO_LARGE, which, e);
        } catch (NoFaceInImageException e) {
            throw failure(TaskErrorCode.NO_FACE_IN_REFERENCE, which, e);
        }
    }

    private static SourceFace photo(TaskFiles files, String taskId, int i, FaceFinder finder) {
        String which = "faceMappings[" + i + "].imageUrl";
        try {
            return SourceFace.fromFile(files.mappedPhoto(taskId, i), finder);
        } catch (NotAnImageException e) {
            throw failure(TaskErrorCode.MAPPED_PHOTO_NOT_AN_IMAGE, which, e);
        } catch (ImageTooLargeException e) {
            throw failure(TaskErrorCode.MAPPED_PHOTO_TOO_LARGE, which, e);
        } catch (NoFaceInImageException e) {
            throw failure(TaskErrorCode.NO_FACE_IN_MAPPED_PHOTO, which, e);
        } catch (SourceFaceTooSmallException e) {
            throw failure(TaskErrorCode.MAPPED_PHOTO_FACE_TOO_SMALL, which, e);
        } catch (SourceFaceTurnedException e) {
            throw failure(TaskErrorCode.MAPPED_PHOTO_FACE_TURNED, which, e);
        }
    }

    /** The engine's messages say "the photo"; here the pair's photo is meant, named by its field. */
    private static TaskFailure failure(TaskErrorCode code, String field, RuntimeException e) {
        return new TaskFailure(code, field + ": " + e.getMessage(), e);
    }
}
