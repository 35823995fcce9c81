-- Indexes on Camunda's tables for the task lists at scale (issue 7, benchmark part 2). Camunda creates
-- its ACT_* tables before Flyway runs (see application.yaml); plain SQL that H2 and PostgreSQL both run.

-- Completing a task looks for its subtasks (select * from ACT_RU_TASK where PARENT_TASK_ID_ = ?):
-- without an index every completion reads every open task.
create index em_idx_task_parent on ACT_RU_TASK (PARENT_TASK_ID_);

-- Every authorized query reads the grants of the user and of its groups (USER_ID_ in (?, '*') or
-- GROUP_ID_ in (...)): Camunda indexes GROUP_ID_ but not USER_ID_, so the OR reads the whole table.
create index em_idx_auth_user on ACT_RU_AUTHORIZATION (USER_ID_);
