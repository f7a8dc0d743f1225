-- Issue 25, item 4: a task's quality, as the swap step measures it. Frames in which a face was swapped (coverage
-- is framesSwapped / framesDone), and the recognition similarity of swapped faces to their photos on sampled
-- frames (identity is identitySum / identitySamples). Plain SQL that H2 and PostgreSQL share.
alter table faceswap_task add column framesSwapped bigint default 0 not null;
alter table faceswap_task add column identitySum double precision default 0 not null;
alter table faceswap_task add column identitySamples bigint default 0 not null;
