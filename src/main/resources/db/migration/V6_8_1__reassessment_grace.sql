-- A certificate whose reassessment started on time stays valid past its expiry date while that case
-- is undecided, until this day at the latest (equitymark.timers.reassessment-grace); null otherwise.

alter table em_certificate add column reassessment_valid_until date;
