-- A mode switch's pages, counted as they finish: the page that finishes last (its increment sees every other
-- page's committed) releases the others at once, in its own transaction, instead of one exclusive closing job
-- per page, which the job executor acquires only one at a time (issue 12: 37 s of a 105 s switch).
create table gc_mode_switch (
  process_instance_id varchar(64) primary key,
  pages integer not null,
  pages_done integer not null default 0
);
