-- Cluster-safe task state: optimistic version, the claiming node's lease, attempts across takeovers, admin pause.
alter table faceswap_task add column version bigint default 0 not null;
alter table faceswap_task add column leaseUntil timestamp(6) with time zone;
alter table faceswap_task add column claimedAt timestamp(6) with time zone;
alter table faceswap_task add column attempts integer default 0 not null;
alter table faceswap_task add column paused boolean default false not null;
create index ix_task_status_lease on faceswap_task (status, leaseUntil);

-- The row dispatchers lock while they count and claim: present from the start, so no server races to insert it.
delete from dispatch_lock;
insert into dispatch_lock (id) values (1);
