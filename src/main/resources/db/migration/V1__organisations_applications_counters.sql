-- EquityMark's own tables (Camunda creates its ACT_* tables itself). Plain SQL that H2 and PostgreSQL both run.

create table em_counter (
  counter_name varchar(40) not null,
  counter_year integer not null,
  last_value integer not null,
  constraint em_counter_pk primary key (counter_name, counter_year)
);

create table em_organisation (
  organisation_id varchar(20) not null,
  name varchar(200) not null,
  organisation_type varchar(40) not null,
  created_at timestamp not null,
  constraint em_organisation_pk primary key (organisation_id)
);

create table em_application (
  reference varchar(20) not null,
  organisation_id varchar(20) not null,
  workplace_area varchar(200),
  process_instance_id varchar(64) not null,
  registered_by varchar(128),
  registered_at timestamp not null,
  constraint em_application_pk primary key (reference),
  constraint em_application_organisation_fk foreign key (organisation_id) references em_organisation (organisation_id)
);

create index em_application_organisation_ix on em_application (organisation_id);
