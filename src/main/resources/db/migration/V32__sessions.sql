-- HTTP sessions of the web apps (Spring Session JDBC), in the database every node shares, so a login
-- survives the loss of the node that made it. Spring Session's own PostgreSQL schema with our table name
-- (spring.session.jdbc.table-name: gc_session); BYTEA is also H2's name for a binary column.
create table gc_session (
  primary_id            char(36)     not null,
  session_id            char(36)     not null,
  creation_time         bigint       not null,
  last_access_time      bigint       not null,
  max_inactive_interval int          not null,
  expiry_time           bigint       not null,
  principal_name        varchar(100),
  constraint gc_session_pk primary key (primary_id)
);
create unique index gc_session_ix1 on gc_session (session_id);
create index gc_session_ix2 on gc_session (expiry_time);
create index gc_session_ix3 on gc_session (principal_name);

create table gc_session_attributes (
  session_primary_id char(36)     not null,
  attribute_name     varchar(200) not null,
  attribute_bytes    bytea        not null,
  constraint gc_session_attributes_pk primary key (session_primary_id, attribute_name),
  constraint gc_session_attributes_fk foreign key (session_primary_id) references gc_session (primary_id)
    on delete cascade
);
