-- Documents an applicant attaches to a claimed indicator (self-assessment, clarification), kept in
-- the database so that every node of a cluster serves them. The type is the one found in the content
-- (magic bytes), never the name's; the id is random; who may fetch a document is decided per request
-- by the engine's authorization on its case (documents/ClaimDocuments).

create table em_claim_document (
  id varchar(36) not null,
  process_instance_id varchar(64) not null,
  case_reference varchar(20) not null,
  task_id varchar(64) not null,
  indicator_id varchar(100) not null,
  file_name varchar(200) not null,
  content_type varchar(100) not null,
  size_bytes bigint not null,
  -- bytea is PostgreSQL's binary type and an H2 alias of varbinary
  content bytea not null,
  uploaded_by varchar(64) not null,
  uploaded_at timestamp not null,
  constraint em_claim_document_pk primary key (id)
);

create index em_claim_document_case_ix on em_claim_document (process_instance_id, indicator_id);
