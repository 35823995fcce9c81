-- Ties an assessor declared itself (process assessor-declaration) that a scheme manager has not yet
-- confirmed: they do not count for allocation (em_assessor_conflict holds the confirmed ones) but a
-- decision on the organisation's case is refused at once. One row per tie of a running declaration.

create table em_assessor_pending_tie (
  process_instance_id varchar(64) not null,
  user_id varchar(64) not null,
  organisation_id varchar(20) not null,
  tie varchar(40) not null,
  declared_at timestamp not null,
  constraint em_assessor_pending_tie_pk primary key (process_instance_id, organisation_id)
);

create index em_assessor_pending_tie_user on em_assessor_pending_tie (user_id, organisation_id);
