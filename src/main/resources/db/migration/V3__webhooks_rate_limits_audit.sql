-- Issue 12: signed webhooks (secrets, durable deliveries claimed with a lease, their attempt log), per-user rate
-- limit overrides, key rolling, and the audit log. Plain SQL that H2 and PostgreSQL share.

-- An optional callback per task (set at create); the user's default callback is in webhook_endpoint.
alter table faceswap_task add column callbackUrl varchar(2048);

-- A user's signing secrets (whsec_...). The current one has no expiry; a roll gives the old ones one.
-- Kept in the clear: an HMAC needs the secret itself, unlike an API key, which is only compared by hash.
create table webhook_secret (
    id varchar(24) not null primary key,
    userId varchar(64) not null,
    secretValue varchar(100) not null,
    createdAt timestamp(6) with time zone not null,
    expiresAt timestamp(6) with time zone
);
create index ix_webhook_secret_user on webhook_secret (userId);

create table webhook_endpoint (
    userId varchar(64) not null primary key,
    url varchar(2048) not null,
    updatedAt timestamp(6) with time zone not null
);

-- One row per event to deliver (the task's end) plus one per replay. A node sends a row only while it holds the
-- row's lease, like a task; the row says when the next attempt is due.
create table webhook_delivery (
    id varchar(24) not null primary key,
    eventId varchar(40) not null,
    taskId varchar(24) not null,
    userId varchar(64) not null,
    eventType varchar(40) not null,
    url varchar(2048) not null,
    payload varchar(16000) not null,
    status varchar(16) not null,
    attempts integer not null,
    nextAttemptAt timestamp(6) with time zone,
    leaseUntil timestamp(6) with time zone,
    node varchar(100),
    lastHttpStatus integer,
    lastError varchar(500),
    replayOf varchar(24),
    createdAt timestamp(6) with time zone not null,
    deliveredAt timestamp(6) with time zone
);
create index ix_webhook_delivery_due on webhook_delivery (status, nextAttemptAt);
create index ix_webhook_delivery_task on webhook_delivery (taskId);

create table webhook_attempt (
    id varchar(24) not null primary key,
    deliveryId varchar(24) not null,
    taskId varchar(24) not null,
    attemptNo integer not null,
    attemptedAt timestamp(6) with time zone not null,
    httpStatus integer,
    latencyMillis bigint not null,
    error varchar(500),
    node varchar(100)
);
create index ix_webhook_attempt_delivery on webhook_attempt (deliveryId);
create index ix_webhook_attempt_task on webhook_attempt (taskId);

-- An admin's per-user rate limits; users without a row get the configured defaults.
create table rate_limit_override (
    userId varchar(64) not null primary key,
    readLimit integer not null,
    readPeriodMillis bigint not null,
    createLimit integer not null,
    createPeriodMillis bigint not null,
    updatedAt timestamp(6) with time zone not null
);

-- A rolled key points at its successor.
alter table api_key add column replacedBy varchar(24);

-- Who did what to keys, secrets and balances.
create table audit_event (
    id varchar(24) not null primary key,
    occurredAt timestamp(6) with time zone not null,
    actor varchar(100) not null,
    kind varchar(40) not null,
    userId varchar(64),
    subject varchar(100),
    detail varchar(500)
);
create index ix_audit_time on audit_event (occurredAt, id);
create index ix_audit_user on audit_event (userId, occurredAt);
