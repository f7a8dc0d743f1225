/**
 * Faces found for a client (issue 25): {@code POST /v1/faceswap_openapi/faces} lists the faces of a photo, or of a
 * video at given seconds, each with its box, a small JPEG and an id that a create's {@code faceMappings} can name
 * instead of a reference photo. The id stands for the face's recognition vector, a biometric identifier, kept only
 * for {@code clipzap.faces.ttl-hours} and only for the user whose key found it.
 * <p>
 * Depends on the engine ({@code swap}), media fetching (and the batch layer's {@code MediaSettings}, the one place
 * its limits are read), config, auth and api; must not depend on task or admin (the task package reads identities
 * through {@link io.faceswap.faces.DetectedFaces}).
 */
package io.faceswap.faces;
