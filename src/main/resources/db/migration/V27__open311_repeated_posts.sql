-- Open311 posts already answered: a client that timed out and posts the same request again within the window
-- (gridcase.open311.idempotency.window) gets the first service_request_id back. The fingerprint is the SHA-256
-- of client, service code, description and location; the primary key makes concurrent repeats wait for the
-- first and then find it.
create table gc_open311_post (
  fingerprint     varchar(64) primary key,
  tracking_number varchar(32),
  posted_at       timestamp   not null
);
create index gc_open311_post_posted_at on gc_open311_post (posted_at);
