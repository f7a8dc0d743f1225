/**
 * Faces in pictures: MediaPipe face detection and face mesh through OpenCV dnn, the source photo (pixel cap read from
 * the header, EXIF orientation, face size and turn checks), and the swap itself (shape transfer, piecewise-affine
 * warp, mask without the open mouth, skin-only Lab colour transfer, size-scaled blend ramp with a fading forehead,
 * landmark smoothing).
 * <p>
 * Plain Java over JavaCV; must not depend on Jakarta EE or any application package but {@code io.faceswap.swap}.
 */
package io.faceswap.swap.face;
