-- Feedback triage in Tasklist: a scheme manager may also pass feedback to the assessor of the
-- service's next annual-return review or reassessment (it is then shown to that assessor, as open feedback is).

alter table em_feedback drop constraint em_feedback_status_ck;
alter table em_feedback add constraint em_feedback_status_ck
  check (status in ('open', 'acted-on', 'no-action', 'passed-to-assessor'));
