-- Issue 26, task options. A deleted task stays as a tombstone: its row keeps the books, its media and URLs go.
alter table faceswap_task add column deletedAt timestamp(6) with time zone;
