/**
 * Faces in pictures: MediaPipe face detection and face mesh through OpenCV dnn, the source photo (pixel cap read from
 * the header, EXIF orientation, face size and turn checks), and the swap itself (shape transfer, piecewise-affine
 * warp, mask without the open mouth, skin-only Lab colour transfer, size-scaled blend ramp with a fading forehead,
 * landmark smoothing, every other frame's landmarks predicted for a slow face ({@link
 * io.faceswap.swap.face.FollowedFace}), an optional multi-band blend). Per-face work runs on a grid of at most 256 px and only its maps and alpha are scaled up; the
 * models are built once per process and lent to one worker at a time ({@link io.faceswap.swap.face.FaceFinderPool}).
 * <p>
 * Plain Java over JavaCV; must not depend on Jakarta EE or any application package but {@code io.faceswap.swap}.
 */
package io.faceswap.swap.face;
