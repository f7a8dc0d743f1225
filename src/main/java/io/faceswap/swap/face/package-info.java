/**
 * Faces in pictures: MediaPipe face detection and face mesh through TensorFlow Lite (XNNPACK), the source photo
 * (pixel cap read from the header, EXIF orientation, face size and turn checks), and the swap itself (shape
 * transfer, piecewise-affine warp, mask without the open mouth, skin-only Lab colour transfer, size-scaled blend
 * ramp with a fading forehead, landmark smoothing, landmarks predicted between measurements for a slow face ({@link
 * io.faceswap.swap.face.FollowedFace}), an optional multi-band blend). The mesh, mask and colour statistics are
 * worked on a grid of at most 128 px; the warp runs no finer than the source face's own pixels and is scaled into
 * the frame, then blended in 8-bit ({@link io.faceswap.swap.face.AlphaBlend}); on a predicted frame, a close-up (a
 * face larger than that grid, clear of the frame's edge, the source not scaled down onto it) is drawn from the last
 * one's maps and alpha, moved by an affine fit ({@link io.faceswap.swap.face.ComposedFace}). The models are built
 * once per process and lent to one worker at a time ({@link io.faceswap.swap.face.FaceFinderPool}).
 * <p>
 * Face recognition (MobileFaceNet) tells people apart for face mappings and identity measures; {@link
 * io.faceswap.swap.face.FacesInPicture} lists a photo's or a video's faces for a client to choose from.
 * <p>
 * Plain Java over JavaCV and TensorFlow Lite; must not depend on Jakarta EE or any application package but
 * {@code io.faceswap.swap} and {@code io.faceswap.swap.video} (which must not depend on this one).
 */
package io.faceswap.swap.face;
