-- Locations: the building registry (楼栋 -> grid), the grids' polygons, and where a request was made.
-- Both organisation tables are replaced whole by each import of the organisation dataset.

create table gc_building (
  id        varchar(64)  not null primary key,
  name      varchar(100) not null,
  address   varchar(300),
  grid_code varchar(32)  not null references gc_unit (code)
);
create index gc_building_grid on gc_building (grid_code);

-- The polygon as WKT, POLYGON((lon lat, ...)) in WGS 84; the bounding box lets SQL narrow a point
-- down to a few candidate grids before the exact point-in-polygon test in Java.
create table gc_grid_area (
  grid_code     varchar(32)      not null primary key references gc_unit (code),
  polygon       varchar(200000)  not null,
  min_latitude  double precision not null,
  max_latitude  double precision not null,
  min_longitude double precision not null,
  max_longitude double precision not null
);
create index gc_grid_area_bbox on gc_grid_area (min_latitude, max_latitude, min_longitude, max_longitude);

-- The request's location as given (the grid it was routed to stays in grid_code), and the case a
-- duplicate was merged into (triage), whose result its requester is mailed once.
alter table gc_request add column latitude double precision;
alter table gc_request add column longitude double precision;
alter table gc_request add column address_id varchar(64);
alter table gc_request add column duplicate_of bigint references gc_request (id);
alter table gc_request add column duplicate_result_sent_at timestamp;
create index gc_request_duplicate_of on gc_request (duplicate_of);
