-- Issue 25, face mappings: the pairs a task was created with (a JSON array of {referenceImageUrl, imageUrl}; null
-- for none) and the faceSelector asked for (all, largest, mapped; null: as configured). Plain SQL that H2 and
-- PostgreSQL share.
alter table faceswap_task add column faceMappings varchar(40000);
alter table faceswap_task add column faceSelector varchar(8);
