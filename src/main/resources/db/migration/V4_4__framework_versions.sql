-- Stage 4: evidence framework versions. A scheme manager uploads a draft (PUT
-- /api/framework/versions/{version}); the yearly framework review publishes it. Once published
-- (published_at set) a version is immutable: the application never updates or deletes it.

create table em_framework_version (
  version varchar(40) not null,
  content varchar(1000000) not null,
  drafted_at timestamp not null,
  drafted_by varchar(128) not null,
  published_at timestamp,
  published_by varchar(128),
  changes_summary varchar(12000),
  community_input varchar(12000),
  constraint em_framework_version_pk primary key (version)
);
