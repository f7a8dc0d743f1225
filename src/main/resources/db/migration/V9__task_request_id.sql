-- The X-Request-Id of the request that created a task (issue 28): the task's job writes it into its log lines.
alter table faceswap_task add column request_id varchar(64);
