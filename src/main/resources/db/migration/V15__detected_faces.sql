-- Issue 25, item 3: faces found for a client (POST /v1/faceswap_openapi/faces). Each keeps the face's recognition
-- vector (192 floats, base64) so that a face mapping can name it by id instead of a reference photo. A biometric
-- identifier: kept clipzap.faces.ttl-hours, then deleted. Plain SQL that H2 and PostgreSQL share.
create table detected_face (
    id varchar(24) not null primary key,
    userId varchar(64) not null,
    identity varchar(1100) not null,
    createdAt timestamp(6) with time zone not null
);
create index ix_detected_face_time on detected_face (createdAt);
