-- Guided procedures (处理流程): the shop's own checklists, editable, and each run of one against an
-- order or an after-sales case. A run copies the steps it starts with, so editing a procedure
-- never changes a checklist already under way. Times are shop time, ISO 8601 with the offset.
CREATE TABLE cs_scripts_procedures (
  id INTEGER PRIMARY KEY,
  code TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  -- What a run is recorded against: an order, an after-sales case, or either.
  subject TEXT NOT NULL CHECK (subject IN ('order', 'case', 'either')),
  archived INTEGER NOT NULL DEFAULT 0,
  version INTEGER NOT NULL DEFAULT 1,
  updated_at TEXT NOT NULL,
  updated_by_name TEXT NOT NULL
);

CREATE TABLE cs_scripts_procedure_steps (
  id INTEGER PRIMARY KEY,
  procedure_id INTEGER NOT NULL REFERENCES cs_scripts_procedures (id),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  hint TEXT NOT NULL DEFAULT ''
);
CREATE INDEX cs_scripts_procedure_steps_procedure ON cs_scripts_procedure_steps (procedure_id, position);

CREATE TABLE cs_scripts_runs (
  id INTEGER PRIMARY KEY,
  procedure_id INTEGER NOT NULL REFERENCES cs_scripts_procedures (id),
  procedure_name TEXT NOT NULL,
  subject TEXT NOT NULL CHECK (subject IN ('order', 'case')),
  -- 订单编号, or the case number AS-<id>.
  subject_ref TEXT NOT NULL,
  order_no TEXT,
  buyer_nick TEXT,
  state TEXT NOT NULL CHECK (state IN ('running', 'finished', 'abandoned')),
  started_at TEXT NOT NULL,
  started_by INTEGER,
  started_by_name TEXT NOT NULL,
  ended_at TEXT,
  ended_by_name TEXT,
  abandon_reason TEXT
);
CREATE INDEX cs_scripts_runs_order ON cs_scripts_runs (order_no);
CREATE INDEX cs_scripts_runs_buyer ON cs_scripts_runs (buyer_nick);

CREATE TABLE cs_scripts_run_steps (
  id INTEGER PRIMARY KEY,
  run_id INTEGER NOT NULL REFERENCES cs_scripts_runs (id),
  position INTEGER NOT NULL,
  title TEXT NOT NULL,
  hint TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  done_at TEXT,
  done_by INTEGER,
  done_by_name TEXT
);
CREATE INDEX cs_scripts_run_steps_run ON cs_scripts_run_steps (run_id, position);

-- The three procedures every shop starts with, in the shop's words; the shop edits them freely.
INSERT INTO cs_scripts_procedures (id, code, name, subject, updated_at, updated_by_name) VALUES
  (1, 'logistics-complaint', '物流投诉处理', 'either', '2026-01-01T00:00:00.000+08:00', '系统'),
  (2, 'confiscated-goods', '快递扣件处理', 'either', '2026-01-01T00:00:00.000+08:00', '系统'),
  (3, 'return-exchange', '退换货沟通', 'either', '2026-01-01T00:00:00.000+08:00', '系统');
INSERT INTO cs_scripts_procedure_steps (procedure_id, position, title, hint) VALUES
  (1, 1, '先安抚顾客', '先致歉、表示理解，不急着解释原因'),
  (1, 2, '登记情况', '记下顾客说的问题和想要的结果'),
  (1, 3, '核对收货地址和电话', '和顾客再确认一遍收货地址、收货人电话'),
  (1, 4, '对照后台地址与面单', '后台订单地址、快递面单上的地址是否一致'),
  (1, 5, '联系快递查件', '打快递网点电话，记下包裹现在在哪、预计何时送到'),
  (1, 6, '答复顾客', '把查到的结果和下一步告诉顾客'),
  (2, 1, '向快递索赔', '记下快递公司、索赔单号和索赔金额'),
  (2, 2, '向顾客说明并致歉', '说明包裹被快递扣下，不是顾客的原因'),
  (2, 3, '请顾客选择退款、换货或赠品', '记下顾客选了哪一种'),
  (2, 4, '办理并告知顾客', '开售后单或补发，把单号告诉顾客'),
  (3, 1, '问清不满意的地方', '先问原因，是店铺或快递的问题要先道歉'),
  (3, 2, '确认订单和商品状况', '吊牌、包装是否完好，是否影响再次销售'),
  (3, 3, '说明退换条件和运费', '按店铺的退换货规则说明谁出运费'),
  (3, 4, '告知退回地址和寄回方式', '请顾客寄回后填写退货运单号'),
  (3, 5, '登记并跟进', '开售后单，收到退货后及时处理');
