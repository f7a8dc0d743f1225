-- Issue 27, items 3 and 4: consent on record, abuse reports, take-downs and suspended users.
-- Plain SQL that H2 and PostgreSQL share.

-- The creator's consent attestation, kept with the task (the key that made it is the task's keyId).
alter table faceswap_task add column consentAttested boolean;
alter table faceswap_task add column consentStatement varchar(500);
-- When an admin took the task's result down (its files erased); null while it has not been.
alter table faceswap_task add column takenDownAt timestamp(6) with time zone;

-- A suspended user's keys are refused (403 USER_SUSPENDED) and creates are refused; null: not suspended.
alter table user_account add column suspendedAt timestamp(6) with time zone;

-- Reports filed by anyone, without a key. The task id is what the reporter named (from taskId or the result URL),
-- whether or not such a task exists; admins see whether it matched.
create table abuse_report (
    id varchar(24) not null primary key,
    createdAt timestamp(6) with time zone not null,
    taskId varchar(24),
    resultUrl varchar(2048),
    reason varchar(2000) not null,
    contact varchar(200),
    status varchar(16) not null,
    resolvedAt timestamp(6) with time zone
);
create index ix_abuse_report_time on abuse_report (createdAt, id);
create index ix_abuse_report_task on abuse_report (taskId);
