-- 一张图: the map reads the open cases (closed_at is null). Ordered by due date, this index gives the most urgent
-- case points without sorting, and with the grid it counts open and overdue cases per grid from the index alone.
create index gc_request_open on gc_request (closed_at, due_at, id, grid_code);
