package io.faceswap.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import java.time.Instant;

/**
 * A face-swap task and its queue state. The row is the source of truth for the queue: a task is claimed by an atomic
 * QUEUED -> PROCESSING update, so two dispatchers (or two servers) never run it twice.
 */
@Entity
@Table(name = "faceswap_task",
        indexes = {@Index(name = "ix_task_status_created", columnList = "status, createdAt"),
                   @Index(name = "ix_task_user", columnList = "userId")},
        uniqueConstraints = @UniqueConstraint(name = "uq_task_idempotency", columnNames = {"userId", "idempotencyKey"}))
public class FaceSwapTask {

    @Id
    @Column(length = 24)
    private String id;
    @Column(nullable = false, length = 64)
    private String userId;
    @Column(length = 24)
    private String keyId;
    @Column(length = 200)
    private String title;
    @Column(nullable = false, length = 2048)
    private String imageUrl;
    @Column(nullable = false, length = 2048)
    private String videoUrl;
    private double duration;
    private long heldSeconds;
    private long chargedSeconds;
    private boolean settled;
    @Column(length = 100)
    private String idempotencyKey;
    @Column(length = 64)
    private String requestFingerprint;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    private TaskStatus status;
    private boolean cancelRequested;
    private Long jobExecutionId;
    @Column(length = 100)
    private String node;

    private long framesTotal;
    private long framesDone;
    /** Frames swapped by all runs, redone chunks included: shows how much work a crash cost. */
    private long framesProcessed;
    private long facesFound;
    private double videoSeconds;
    private double processingSeconds;
    private long resultBytes;

    @Column(length = 40)
    private String errorCode;
    @Column(length = 500)
    private String errorMessage;

    @Column(nullable = false)
    private Instant createdAt;
    @Column(nullable = false)
    private Instant updatedAt;
    private Instant startedAt;
    private Instant finishedAt;
    private boolean expired;

    protected FaceSwapTask() {
    }

    public FaceSwapTask(String id, String userId, String keyId, String title, String imageUrl, String videoUrl,
                        double duration, long heldSeconds, String idempotencyKey, String requestFingerprint,
                        Instant now) {
        this.id = id;
        this.userId = userId;
        this.keyId = keyId;
        this.title = title;
        this.imageUrl = imageUrl;
        this.videoUrl = videoUrl;
        this.duration = duration;
        this.heldSeconds = heldSeconds;
        this.idempotencyKey = idempotencyKey;
        this.requestFingerprint = requestFingerprint;
        this.status = TaskStatus.QUEUED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Ends the task once; returns false if it had already ended. */
    boolean finish(TaskStatus terminal, String code, String message, Instant now) {
        if (status.terminal()) {
            return false;
        }
        status = terminal;
        errorCode = code;
        errorMessage = message == null || message.length() <= 500 ? message : message.substring(0, 497) + "...";
        finishedAt = now;
        updatedAt = now;
        if (terminal == TaskStatus.SUCCEEDED) {
            framesDone = framesTotal;
        }
        if (startedAt != null) {
            processingSeconds = (now.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0;
        }
        return true;
    }

    void settle(long charged) {
        chargedSeconds = charged;
        settled = true;
    }

    void requestCancel(Instant now) {
        cancelRequested = true;
        updatedAt = now;
    }

    void running(long executionId, String nodeName, Instant now) {
        jobExecutionId = executionId;
        node = nodeName;
        if (startedAt == null) {
            startedAt = now;
        }
        updatedAt = now;
    }

    void probed(long frames, double seconds, Instant now) {
        framesTotal = frames;
        videoSeconds = seconds;
        updatedAt = now;
    }

    void resultWritten(long bytes, Instant now) {
        resultBytes = bytes;
        updatedAt = now;
    }

    void markExpired(Instant now) {
        expired = true;
        updatedAt = now;
    }

    public int progress() {
        if (status == TaskStatus.SUCCEEDED) {
            return 100;
        }
        if (framesTotal <= 0) {
            return 0;
        }
        // 99 at most until the result is assembled: 100 means done
        return (int) Math.min(99, framesDone * 100 / framesTotal);
    }

    public String getId() { return id; }
    public String getUserId() { return userId; }
    public String getKeyId() { return keyId; }
    public String getTitle() { return title; }
    public String getImageUrl() { return imageUrl; }
    public String getVideoUrl() { return videoUrl; }
    public double getDuration() { return duration; }
    public long getHeldSeconds() { return heldSeconds; }
    public long getChargedSeconds() { return chargedSeconds; }
    public boolean isSettled() { return settled; }
    public String getIdempotencyKey() { return idempotencyKey; }
    public String getRequestFingerprint() { return requestFingerprint; }
    public TaskStatus getStatus() { return status; }
    public boolean isCancelRequested() { return cancelRequested; }
    public Long getJobExecutionId() { return jobExecutionId; }
    public String getNode() { return node; }
    public long getFramesTotal() { return framesTotal; }
    public long getFramesDone() { return framesDone; }
    public long getFramesProcessed() { return framesProcessed; }
    public long getFacesFound() { return facesFound; }
    public double getVideoSeconds() { return videoSeconds; }
    public double getProcessingSeconds() { return processingSeconds; }
    public long getResultBytes() { return resultBytes; }
    public String getErrorCode() { return errorCode; }
    public String getErrorMessage() { return errorMessage; }
    public Instant getCreatedAt() { return createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public Instant getStartedAt() { return startedAt; }
    public Instant getFinishedAt() { return finishedAt; }
    public boolean isExpired() { return expired; }
}
