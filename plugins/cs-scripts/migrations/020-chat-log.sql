-- The chat log imported from 千牛's export: one row per message. The same line (same second, buyer,
-- agent, direction, text and place among its identical neighbours) is stored once, so a file
-- imported twice adds nothing.
CREATE TABLE cs_scripts_chat_lines (
  id INTEGER PRIMARY KEY,
  -- Instant in shop time (+08:00), so it sorts as text.
  at TEXT NOT NULL,
  buyer TEXT NOT NULL,
  -- The agent's 工号, spaces, full-width forms and a trailing 号 taken off.
  agent TEXT NOT NULL,
  direction TEXT NOT NULL CHECK (direction IN ('in', 'out')),
  text TEXT NOT NULL,
  seq INTEGER NOT NULL DEFAULT 1,
  imported_at TEXT NOT NULL,
  imported_by INTEGER
);
CREATE UNIQUE INDEX cs_scripts_chat_lines_same ON cs_scripts_chat_lines (at, buyer, agent, direction, text, seq);
CREATE INDEX cs_scripts_chat_lines_pair ON cs_scripts_chat_lines (agent, buyer, at);
