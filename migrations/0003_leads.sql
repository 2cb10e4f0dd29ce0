-- Leads, campaigns and opportunities (线索、营销活动、商机) and the channel ROI they feed.

CREATE TABLE campaigns (
  id          TEXT PRIMARY KEY,
  name        TEXT NOT NULL,
  -- The acquisition channel (渠道) the campaign spends on; leads carry the same text in `source`.
  channel     TEXT NOT NULL,
  start_date  TEXT NOT NULL,
  end_date    TEXT,
  -- Integer fen in the company currency.
  cost        INTEGER NOT NULL DEFAULT 0 CHECK (cost >= 0),
  notes       TEXT,
  status      TEXT NOT NULL DEFAULT 'planned' CHECK (status IN ('planned','running','ended','cancelled')),
  created_at  TEXT NOT NULL,
  updated_at  TEXT NOT NULL,
  CHECK (end_date IS NULL OR end_date >= start_date)
) STRICT;
-- The channel report sums cost by channel over campaigns starting in a date range.
CREATE INDEX campaigns_channel_start ON campaigns (channel, start_date);
CREATE INDEX campaigns_start ON campaigns (start_date, id);

CREATE TABLE leads (
  id             TEXT PRIMARY KEY,
  code           TEXT NOT NULL UNIQUE,
  name           TEXT NOT NULL,
  company        TEXT,
  title          TEXT,
  mobile         TEXT,
  email          TEXT,
  source         TEXT,
  campaign_id    TEXT REFERENCES campaigns (id),
  status         TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','contacted','qualified','converted','lost')),
  lost_reason    TEXT,
  owner_user_id  TEXT REFERENCES users (id),
  customer_id    TEXT REFERENCES customers (id),
  converted_at   TEXT,
  notes          TEXT,
  last_contacted_at TEXT,
  created_at     TEXT NOT NULL,
  updated_at     TEXT NOT NULL,
  created_by     TEXT REFERENCES users (id),
  CHECK (status <> 'converted' OR (customer_id IS NOT NULL AND converted_at IS NOT NULL)),
  CHECK (status <> 'lost' OR lost_reason IS NOT NULL)
) STRICT;
-- The list's default order is newest first; status filters are the common ones.
CREATE INDEX leads_created ON leads (created_at, id);
CREATE INDEX leads_status_created ON leads (status, created_at, id);
CREATE INDEX leads_source_created ON leads (source, created_at);
CREATE INDEX leads_campaign ON leads (campaign_id, created_at) WHERE campaign_id IS NOT NULL;
CREATE INDEX leads_owner ON leads (owner_user_id, status);
CREATE INDEX leads_mobile ON leads (mobile) WHERE mobile IS NOT NULL;
CREATE INDEX leads_customer ON leads (customer_id) WHERE customer_id IS NOT NULL;

-- Follow-ups logged while the party is still a lead. Kept here rather than in `interactions`
-- (whose customer_id is NOT NULL): converting copies each one onto the new customer's timeline
-- and remembers the copy, so the lead's own record of what happened never changes.
CREATE TABLE lead_interactions (
  id                       TEXT PRIMARY KEY,
  lead_id                  TEXT NOT NULL REFERENCES leads (id),
  kind                     TEXT NOT NULL CHECK (kind IN ('call','visit','wechat','email','note')),
  occurred_at              TEXT NOT NULL,
  subject                  TEXT,
  body                     TEXT,
  user_id                  TEXT REFERENCES users (id),
  customer_interaction_id  TEXT REFERENCES interactions (id),
  created_at               TEXT NOT NULL
) STRICT;
CREATE INDEX lead_interactions_lead ON lead_interactions (lead_id, occurred_at, id);

CREATE TABLE opportunities (
  id                   TEXT PRIMARY KEY,
  title                TEXT NOT NULL,
  customer_id          TEXT REFERENCES customers (id),
  lead_id              TEXT REFERENCES leads (id),
  stage                TEXT NOT NULL CHECK (stage IN ('contact','needs','proposal','negotiation','won','lost')),
  expected_amount      INTEGER NOT NULL DEFAULT 0 CHECK (expected_amount >= 0),
  probability          INTEGER NOT NULL CHECK (probability BETWEEN 0 AND 100),
  expected_close_date  TEXT,
  owner_user_id        TEXT REFERENCES users (id),
  notes                TEXT,
  closed_at            TEXT,
  lost_reason          TEXT,
  created_at           TEXT NOT NULL,
  updated_at           TEXT NOT NULL,
  created_by           TEXT REFERENCES users (id),
  CHECK (customer_id IS NOT NULL OR lead_id IS NOT NULL),
  CHECK ((stage IN ('won','lost')) = (closed_at IS NOT NULL)),
  CHECK (stage <> 'lost' OR lost_reason IS NOT NULL)
) STRICT;
-- The kanban reads one stage at a time in close-date order.
CREATE INDEX opportunities_board ON opportunities (stage, expected_close_date, id);
CREATE INDEX opportunities_customer ON opportunities (customer_id, stage) WHERE customer_id IS NOT NULL;
CREATE INDEX opportunities_lead ON opportunities (lead_id) WHERE lead_id IS NOT NULL;
CREATE INDEX opportunities_owner ON opportunities (owner_user_id, stage);

CREATE TABLE opportunity_stage_history (
  id              TEXT PRIMARY KEY,
  opportunity_id  TEXT NOT NULL REFERENCES opportunities (id),
  from_stage      TEXT,
  to_stage        TEXT NOT NULL,
  probability     INTEGER NOT NULL,
  expected_amount INTEGER NOT NULL,
  note            TEXT,
  user_id         TEXT REFERENCES users (id),
  changed_at      TEXT NOT NULL
) STRICT;
CREATE INDEX opportunity_stage_history_opportunity ON opportunity_stage_history (opportunity_id, changed_at, id);
