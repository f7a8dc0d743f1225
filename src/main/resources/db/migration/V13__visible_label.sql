-- Issue 27, item 2: the visible "AI-generated" mark. Plain SQL that H2 and PostgreSQL share.
-- Whether the task's result carries the mark, decided once at create (the task's own visibleLabel, or its user's
-- default) so that a restarted job draws what the first run drew.
alter table faceswap_task add column visibleLabel boolean default false not null;
-- An admin's per-user default: every task of the user is marked, whatever the task asks.
alter table user_account add column visibleLabel boolean default false not null;
