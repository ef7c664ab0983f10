-- 一张图: the map reads the open cases (closed_at is null) most urgent first; this index serves both the
-- per-grid open/overdue counts and the list of case points without scanning the closed ones.
create index gc_request_open_due on gc_request (closed_at, due_at);
