-- With sync on, each desktop numbers under its own prefix (SO-A-2026-000123; DESIGN §3, §7).
-- The row remembers which prefix its counter counts under, the way `year` does for yearly series:
-- when this desktop is enrolled under a prefix, each series starts a sequence of its own at 1.
ALTER TABLE numbering_series ADD COLUMN device_prefix TEXT NOT NULL DEFAULT '';
