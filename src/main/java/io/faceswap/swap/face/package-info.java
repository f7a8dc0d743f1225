/**
 * Faces in pictures: MediaPipe face detection and face mesh through OpenCV dnn, and the swap itself (shape transfer,
 * piecewise-affine warp, mask without the open mouth, Lab colour transfer, feathered blend, landmark smoothing).
 * <p>
 * Plain Java over JavaCV; must not depend on Jakarta EE or any application package but {@code io.faceswap.swap}.
 */
package io.faceswap.swap.face;
