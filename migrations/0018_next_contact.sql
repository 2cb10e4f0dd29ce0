-- 下次联系: a follow-up may plan the next one. A customer's next contact is the one its latest
-- follow-up planned (a later follow-up without a date means nothing is planned), read from the
-- interactions themselves, so there is no summary to keep in step.
ALTER TABLE interactions ADD COLUMN next_contact_on TEXT
  CHECK (next_contact_on IS NULL OR next_contact_on GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');
