-- Issue 26, photo targets: a task's faces go into a video (videoUrl) or a still photo (targetImageUrl), never both.
-- targetKind says which, and stays when a deleted task's URLs are blanked. Plain SQL that H2 and PostgreSQL share.
alter table faceswap_task alter column videoUrl drop not null;
alter table faceswap_task add column targetImageUrl varchar(2048);
alter table faceswap_task add column targetKind varchar(8) default 'VIDEO' not null;
