-- Stage 4: training and diversity experience days and their follow-up surveys (counts only).

create table em_training_day (
  reference varchar(20) not null,
  organisation_id varchar(20) not null,
  training_kind varchar(20) not null,
  run_by varchar(200) not null,
  community varchar(200) not null,
  held_on date not null,
  attendees int not null,
  recorded_by varchar(128),
  constraint em_training_day_pk primary key (reference),
  constraint em_training_day_organisation_fk foreign key (organisation_id) references em_organisation (organisation_id)
);

create table em_training_survey (
  training_reference varchar(20) not null,
  survey_round int not null,
  returned_at timestamp not null,
  staff_surveyed int not null,
  staff_applying_learning int not null,
  staff_more_confident int not null,
  constraint em_training_survey_pk primary key (training_reference, survey_round),
  constraint em_training_survey_day_fk foreign key (training_reference) references em_training_day (reference)
);
