-- Notices queued in one business transaction are sent by one job: the first is the batch's head (batch_id
-- null, its own id is the batch) and starts the "notification" instance; the others carry its id here.
-- A new group task told four members through four instances (about eight engine rows each); now one.
alter table gc_notification add column batch_id bigint;
create index gc_notification_batch on gc_notification (batch_id);
