-- The assessor pool: voluntary self-declarations (used only for panel composition) and declared ties.

create table em_assessor (
  user_id varchar(64) not null,
  display_name varchar(200) not null,
  gender varchar(20) not null,
  minoritised varchar(20) not null,
  active boolean not null,
  updated_at timestamp not null,
  constraint em_assessor_pk primary key (user_id)
);

create table em_assessor_conflict (
  user_id varchar(64) not null,
  organisation_id varchar(20) not null,
  tie varchar(40) not null,
  declared_at timestamp not null,
  constraint em_assessor_conflict_pk primary key (user_id, organisation_id),
  constraint em_assessor_conflict_assessor_fk foreign key (user_id) references em_assessor (user_id) on delete cascade
);
