package io.faceswap.faces;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.time.Instant;
import java.util.Base64;

/**
 * A face found for a client (V15): its recognition vector, so that a face mapping can name the face by its id. Owned
 * by the user whose key found it; deleted after {@code clipzap.faces.ttl-hours}.
 */
@Entity
@Table(name = "detected_face")
public class DetectedFace {
    @Id
    @Column(length = 24)
    private String id;

    @Column(nullable = false, length = 64)
    private String userId;

    /** The vector's floats, little-endian, base64. */
    @Column(nullable = false, length = 1100)
    private String identity;

    @Column(nullable = false)
    private Instant createdAt;

    protected DetectedFace() {}

    DetectedFace(String id, String userId, float[] identity, Instant createdAt) {
        this.id = id;
        this.userId = userId;
        this.identity = encode(identity);
        this.createdAt = createdAt;
    }

    public String getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public String getIdentity() {
        return identity;
    }

    /** A vector as stored: its floats little-endian, base64. */
    public static String encode(float[] vector) {
        ByteBuffer b = ByteBuffer.allocate(vector.length * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : vector) {
            b.putFloat(v);
        }
        return Base64.getEncoder().encodeToString(b.array());
    }

    public static float[] decode(String stored) {
        ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(stored)).order(ByteOrder.LITTLE_ENDIAN);
        float[] vector = new float[b.remaining() / 4];
        for (int i = 0; i < vector.length; i++) {
            vector[i] = b.getFloat();
        }
        return vector;
    }
}
