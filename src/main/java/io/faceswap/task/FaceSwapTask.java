package io.faceswap.task;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Index;
import jakarta.persistence.Table;
import jakarta.persistence.UniqueConstraint;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A face-swap task and its queue state. The row is the source of truth for the queue and the cluster: a task is
 * claimed by an atomic QUEUED -> PROCESSING update, held by its node's lease ({@code leaseUntil}), and every later
 * change is a conditional update in {@link TaskLifecycle}, so no stale copy is ever written back. The entity is
 * read-only outside construction; {@code version} makes any accidental write of a stale copy fail.
 */
@Entity
@Table(
        name = "faceswap_task",
        indexes = {
            @Index(name = "ix_task_status_created", columnList = "status, createdAt"),
            @Index(name = "ix_task_user", columnList = "userId")
        },
        uniqueConstraints =
                @UniqueConstraint(
                        name = "uq_task_idempotency",
                        columnNames = {"userId", "idempotencyKey"}))
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

    /** The target video; null for a photo task. */
    @Column(length = 2048)
    private String videoUrl;

    /** The target photo (issue 26); null for a video task. */
    @Column(length = 2048)
    private String targetImageUrl;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    private TargetKind targetKind;

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

    /** Until when the claiming node holds the task; renewed while its job runs, taken over when it lapses. */
    private Instant leaseUntil;

    private Instant claimedAt;
    /** Runs started for this task: 1 at the first claim, one more per takeover. */
    private int attempts;
    /** Stopped by an admin: holds no slot, and only an admin restart resumes it. */
    private boolean paused;

    @Version
    private long version;

    /** Where the task's end is POSTed (issue 12); null: the user's default endpoint, if any. */
    @Column(length = 2048)
    private String callbackUrl;

    /** The X-Request-Id of the creating request, for the job's log lines (null for tasks from before V9). */
    @Column(name = "request_id", length = 64)
    private String requestId;

    // ---- task options (issue 26) ----

    /** When the client or an admin deleted the task's data; null while it has it. The row stays as a tombstone. */
    private Instant deletedAt;

    /** Issue 27: the creator's consent attestation (null: none given), and when an admin took the result down. */
    private Boolean consentAttested;

    @Column(length = 500)
    private String consentStatement;

    private Instant takenDownAt;

    /** Whether the result carries the visible AI-generated mark: decided at create, so every run draws the same. */
    private boolean visibleLabel;

    /** Trim (V11): only the video from startSeconds to endSeconds is swapped; null when not asked. */
    private Double startSeconds;

    private Double endSeconds;

    /**
     * Quality (V16): frames in which a face was swapped, and the sampled recognition similarities of the swapped
     * faces to their photos (sum and count), summed over committed chunks.
     */
    private long framesSwapped;

    private double identitySum;
    private long identitySamples;

    /** Face mappings (V14): the pairs asked for, as {@link FaceMappings} stores them; null for none. */
    @Column(length = 40000)
    private String faceMappings;

    /** all, largest or mapped, as asked at create (mapped with mappings); null: as configured. */
    @Column(length = 8)
    private String faceSelector;

    protected FaceSwapTask() {}

    public FaceSwapTask(
            String id,
            String userId,
            String keyId,
            String title,
            String imageUrl,
            String videoUrl,
            String targetImageUrl,
            double duration,
            long heldSeconds,
            String idempotencyKey,
            String requestFingerprint,
            Instant now) {
        this.id = id;
        this.userId = userId;
        this.keyId = keyId;
        this.title = title;
        this.imageUrl = imageUrl;
        this.videoUrl = videoUrl;
        this.targetImageUrl = targetImageUrl;
        this.targetKind = targetImageUrl != null ? TargetKind.PHOTO : TargetKind.VIDEO;
        this.duration = duration;
        this.heldSeconds = heldSeconds;
        this.idempotencyKey = idempotencyKey;
        this.requestFingerprint = requestFingerprint;
        this.status = TaskStatus.QUEUED;
        this.createdAt = now;
        this.updatedAt = now;
    }

    public int progress() {
        return progress(status, framesDone, framesTotal);
    }

    /** Shared with {@link TaskRead}, which carries the same figures without the entity. */
    static int progress(TaskStatus status, long framesDone, long framesTotal) {
        if (status == TaskStatus.SUCCEEDED) {
            return 100;
        }
        if (framesTotal <= 0) {
            return 0;
        }
        // 99 at most until the result is assembled: 100 means done
        return (int) Math.min(99, framesDone * 100 / framesTotal);
    }

    public String getId() {
        return id;
    }

    public String getUserId() {
        return userId;
    }

    public String getKeyId() {
        return keyId;
    }

    public String getTitle() {
        return title;
    }

    public String getImageUrl() {
        return imageUrl;
    }

    public String getVideoUrl() {
        return videoUrl;
    }

    public String getTargetImageUrl() {
        return targetImageUrl;
    }

    public TargetKind getTargetKind() {
        return targetKind;
    }

    public boolean isPhoto() {
        return targetKind == TargetKind.PHOTO;
    }

    public double getDuration() {
        return duration;
    }

    public long getHeldSeconds() {
        return heldSeconds;
    }

    public long getChargedSeconds() {
        return chargedSeconds;
    }

    public boolean isSettled() {
        return settled;
    }

    public String getIdempotencyKey() {
        return idempotencyKey;
    }

    public String getRequestFingerprint() {
        return requestFingerprint;
    }

    public TaskStatus getStatus() {
        return status;
    }

    public boolean isCancelRequested() {
        return cancelRequested;
    }

    public Long getJobExecutionId() {
        return jobExecutionId;
    }

    public String getNode() {
        return node;
    }

    public long getFramesTotal() {
        return framesTotal;
    }

    public long getFramesDone() {
        return framesDone;
    }

    public long getFramesProcessed() {
        return framesProcessed;
    }

    public long getFacesFound() {
        return facesFound;
    }

    public double getVideoSeconds() {
        return videoSeconds;
    }

    public double getProcessingSeconds() {
        return processingSeconds;
    }

    public long getResultBytes() {
        return resultBytes;
    }

    public String getErrorCode() {
        return errorCode;
    }

    public String getErrorMessage() {
        return errorMessage;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getUpdatedAt() {
        return updatedAt;
    }

    public Instant getStartedAt() {
        return startedAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }

    public boolean isExpired() {
        return expired;
    }

    public Instant getLeaseUntil() {
        return leaseUntil;
    }

    public Instant getClaimedAt() {
        return claimedAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public boolean isPaused() {
        return paused;
    }

    public long getVersion() {
        return version;
    }

    public String getCallbackUrl() {
        return callbackUrl;
    }

    public Instant getDeletedAt() {
        return deletedAt;
    }

    /** Set once, at create, before the task is persisted. */
    void setCallbackUrl(String url) {
        this.callbackUrl = url;
    }

    public Double getStartSeconds() {
        return startSeconds;
    }

    public Double getEndSeconds() {
        return endSeconds;
    }

    /** Set once, at create, before the task is persisted; nulls when the whole video is swapped. */
    void setTrim(Double startSeconds, Double endSeconds) {
        this.startSeconds = startSeconds;
        this.endSeconds = endSeconds;
    }

    /** The seconds of video the task swaps, as declared: the trim's length, or the whole declared duration. */
    public double declaredSwapSeconds() {
        double start = startSeconds == null ? 0 : startSeconds;
        return Math.max(0, (endSeconds == null ? duration : endSeconds) - start);
    }

    public String getRequestId() {
        return requestId;
    }

    public void setRequestId(String requestId) {
        this.requestId = requestId;
    }

    public Boolean getConsentAttested() {
        return consentAttested;
    }

    public String getConsentStatement() {
        return consentStatement;
    }

    public Instant getTakenDownAt() {
        return takenDownAt;
    }

    public boolean isVisibleLabel() {
        return visibleLabel;
    }

    /** Set once, at create, before the task is persisted. */
    void setVisibleLabel(boolean on) {
        this.visibleLabel = on;
    }

    /** Set once, at create, before the task is persisted; nothing when no attestation was given. */
    void setConsent(ConsentRequest consent) {
        if (ConsentRequest.given(consent)) {
            this.consentAttested = true;
            this.consentStatement = consent.statement();
        }
    }

    public String getFaceMappings() {
        return faceMappings;
    }

    public String getFaceSelector() {
        return faceSelector;
    }

    /** Set once, at create, before the task is persisted. */
    void setFaces(String selector, String mappings) {
        this.faceSelector = selector;
        this.faceMappings = mappings;
    }

    public long getFramesSwapped() {
        return framesSwapped;
    }

    public double getIdentitySum() {
        return identitySum;
    }

    public long getIdentitySamples() {
        return identitySamples;
    }
}
