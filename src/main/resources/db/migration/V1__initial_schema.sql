-- The schema as the first releases had it (then made by Hibernate's hbm2ddl). A database from those releases is
-- baselined at this version (see SchemaMigration); new databases run it. Plain SQL that H2 and PostgreSQL share.
create table user_account (
    userId varchar(64) not null primary key,
    paidSeconds bigint not null,
    heldSeconds bigint not null,
    spentSeconds bigint not null,
    paymentCount integer not null,
    createdAt timestamp(6) with time zone not null,
    version bigint not null
);

create table payment (
    reference varchar(128) not null primary key,
    userId varchar(64) not null,
    seconds bigint not null,
    createdAt timestamp(6) with time zone not null
);

create table api_key (
    id varchar(24) not null primary key,
    userId varchar(64) not null,
    name varchar(100),
    keyHash varchar(64) not null,
    maskedKey varchar(64) not null,
    createdAt timestamp(6) with time zone not null,
    expiresAt timestamp(6) with time zone,
    revokedAt timestamp(6) with time zone,
    lastUsedAt timestamp(6) with time zone,
    constraint uq_api_key_hash unique (keyHash)
);
create index ix_api_key_user on api_key (userId);

create table faceswap_task (
    id varchar(24) not null primary key,
    userId varchar(64) not null,
    keyId varchar(24),
    title varchar(200),
    imageUrl varchar(2048) not null,
    videoUrl varchar(2048) not null,
    duration double precision not null,
    heldSeconds bigint not null,
    chargedSeconds bigint not null,
    settled boolean not null,
    idempotencyKey varchar(100),
    requestFingerprint varchar(64),
    status varchar(16) not null,
    cancelRequested boolean not null,
    jobExecutionId bigint,
    node varchar(100),
    framesTotal bigint not null,
    framesDone bigint not null,
    framesProcessed bigint not null,
    facesFound bigint not null,
    videoSeconds double precision not null,
    processingSeconds double precision not null,
    resultBytes bigint not null,
    errorCode varchar(40),
    errorMessage varchar(500),
    createdAt timestamp(6) with time zone not null,
    updatedAt timestamp(6) with time zone not null,
    startedAt timestamp(6) with time zone,
    finishedAt timestamp(6) with time zone,
    expired boolean not null,
    constraint uq_task_idempotency unique (userId, idempotencyKey)
);
create index ix_task_status_created on faceswap_task (status, createdAt);
create index ix_task_user on faceswap_task (userId);

create table dispatch_lock (
    id integer not null primary key
);
