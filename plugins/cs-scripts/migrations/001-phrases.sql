-- The phrase library: stage (售前 pre-sale, 售中 in-sale, 售后 after-sale) → group → phrase.
CREATE TABLE cs_scripts_groups (
  id INTEGER PRIMARY KEY,
  stage TEXT NOT NULL CHECK (stage IN ('pre-sale', 'in-sale', 'after-sale')),
  name TEXT NOT NULL,
  position INTEGER NOT NULL DEFAULT 0,
  UNIQUE (stage, name)
);

-- A phrase is shared (owner_id NULL, the shop's) or personal (one account's). `{订单号}` and the
-- other placeholders are filled when it is used; `uses` counts how often it was copied.
CREATE TABLE cs_scripts_phrases (
  id INTEGER PRIMARY KEY,
  group_id INTEGER NOT NULL REFERENCES cs_scripts_groups (id),
  owner_id INTEGER,
  shortcut TEXT,
  text TEXT NOT NULL,
  tags TEXT NOT NULL DEFAULT '[]',
  uses INTEGER NOT NULL DEFAULT 0,
  last_used_at TEXT,
  created_at TEXT NOT NULL,
  created_by INTEGER,
  updated_at TEXT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
-- One shortcut means one phrase: among the shared ones, and among each person's own.
CREATE UNIQUE INDEX cs_scripts_phrases_shortcut ON cs_scripts_phrases (IFNULL(owner_id, 0), shortcut) WHERE shortcut IS NOT NULL;
CREATE INDEX cs_scripts_phrases_group ON cs_scripts_phrases (group_id);

CREATE TABLE cs_scripts_favourites (
  account_id INTEGER NOT NULL,
  phrase_id INTEGER NOT NULL REFERENCES cs_scripts_phrases (id) ON DELETE CASCADE,
  PRIMARY KEY (account_id, phrase_id)
);
