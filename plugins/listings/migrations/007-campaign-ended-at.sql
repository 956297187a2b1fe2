-- When a campaign actually ended (by its schedule, or early by hand): the close-out counts the
-- orders paid from its start up to then. Campaigns ended before this column have none, and the
-- close-out takes the planned end (or the close-out time, if earlier) instead.
ALTER TABLE listings_campaigns ADD COLUMN ended_at TEXT;
