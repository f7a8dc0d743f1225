-- Issue 26, trimming: only the video from startSeconds to endSeconds (seconds from its first frame) is swapped,
-- held and charged. Both null when the task swaps the whole video (every task from before V11).
alter table faceswap_task add column startSeconds double precision;
alter table faceswap_task add column endSeconds double precision;
