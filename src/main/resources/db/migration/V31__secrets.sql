-- Server secrets generated at first start when the configuration gives none, shared by every node on this
-- database (e.g. 'status-code': the key of the check codes of public status links, see StatusCodes).
create table gc_secret (
  name       varchar(64)  primary key,
  secret     varchar(128) not null,
  created_at timestamp    not null
);
