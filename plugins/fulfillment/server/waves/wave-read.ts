import { NotFoundError, type Queryable } from '@workbench/plugin-api';
import type { WaveSummary } from '../types.js';
import { waveReplenishments } from './replenishments.js';
import { planWave } from './wave-plan.js';
import type { WaveDetail, WaveListItem } from './wave-types.js';

export type WaveStatus = WaveSummary['status'];

/**
 * A wave is `done` once it is picked and every order in it has shipped or closed. That is worked
 * out when the wave is read, never stored, so shipping and closing orders need not know waves.
 */
const STATUS = `CASE WHEN w.status = 'picked' AND NOT EXISTS (
    SELECT 1 FROM fulfillment_wave_orders x JOIN fulfillment_orders o ON o.id = x.order_id
    WHERE x.wave_id = w.id AND o.status NOT IN ('shipped', 'closed')
  ) THEN 'done' ELSE w.status END`;

const SELECT = `SELECT w.id, w.wave_no, w.created_by_name, w.created_at, w.picked_at, w.version, ${STATUS} AS status,
    (SELECT COUNT(*) FROM fulfillment_wave_orders x WHERE x.wave_id = w.id) AS orders,
    (SELECT COUNT(*) FROM fulfillment_wave_orders x WHERE x.wave_id = w.id AND x.class = 'single') AS single,
    (SELECT COUNT(*) FROM fulfillment_wave_orders x WHERE x.wave_id = w.id AND x.class = 'multi-one-zone') AS one_zone,
    (SELECT COUNT(*) FROM fulfillment_wave_orders x WHERE x.wave_id = w.id AND x.class = 'multi-cross-zone') AS cross_zone,
    (SELECT o.picked_by_name FROM fulfillment_wave_orders x JOIN fulfillment_orders o ON o.id = x.order_id
       WHERE x.wave_id = w.id AND o.picked_at = w.picked_at LIMIT 1) AS picked_by_name
  FROM fulfillment_waves w`;

interface WaveRow {
  id: number;
  wave_no: string;
  status: WaveStatus;
  created_by_name: string;
  created_at: string;
  picked_at: string | null;
  picked_by_name: string | null;
  version: number;
  orders: number;
  single: number;
  one_zone: number;
  cross_zone: number;
}

const toSummary = (r: WaveRow): WaveListItem => ({
  id: r.id,
  waveNo: r.wave_no,
  status: r.status,
  orders: r.orders,
  classes: { single: r.single, 'multi-one-zone': r.one_zone, 'multi-cross-zone': r.cross_zone },
  createdAt: r.created_at,
  createdByName: r.created_by_name,
  pickedAt: r.picked_at,
  pickedByName: r.picked_by_name,
  version: r.version,
});

export interface WaveListQuery {
  status?: WaveStatus;
  q?: string;
  page: number;
  pageSize: number;
}

/** Waves, newest first; `status` filters on the status as read (so `done` works). */
export async function listWaves(q: Queryable, query: WaveListQuery): Promise<{ items: WaveListItem[]; total: number; page: number; pageSize: number }> {
  const where: string[] = [];
  const params: (string | number)[] = [];
  if (query.status) {
    where.push('status = ?');
    params.push(query.status);
  }
  const prefix = query.q?.trim().toUpperCase();
  if (prefix) {
    // The start of the number as written: LIKE would take a typed % or _ as a wildcard.
    where.push('substr(wave_no, 1, length(?)) = ?');
    params.push(prefix, prefix);
  }
  const clause = where.length ? ` WHERE ${where.join(' AND ')}` : '';
  const inner = `SELECT * FROM (${SELECT}) AS waves${clause}`;
  const total = (await q.get<{ n: number }>(`SELECT COUNT(*) AS n FROM (${inner})`, params))!.n;
  const rows = await q.all<WaveRow>(`${inner} ORDER BY id DESC LIMIT ? OFFSET ?`, [...params, query.pageSize, (query.page - 1) * query.pageSize]);
  return { items: rows.map(toSummary), total, page: query.page, pageSize: query.pageSize };
}

async function waveRow(q: Queryable, id: number): Promise<WaveRow> {
  const row = await q.get<WaveRow>(`${SELECT} WHERE w.id = ?`, [id]);
  if (!row) throw new NotFoundError({ 'zh-CN': `波次 ${id} 不存在`, en: `Wave ${id} does not exist` });
  return row;
}

export async function waveSummary(q: Queryable, id: number): Promise<WaveListItem> {
  return toSummary(await waveRow(q, id));
}

/** The wave by id or by its number (BC…), as the printables take it. */
export async function waveIdOf(q: Queryable, ref: string): Promise<number> {
  const text = ref.trim();
  const row = /^\d{1,12}$/.test(text)
    ? await q.get<{ id: number }>('SELECT id FROM fulfillment_waves WHERE id = ?', [Number(text)])
    : await q.get<{ id: number }>('SELECT id FROM fulfillment_waves WHERE wave_no = ?', [text.toUpperCase()]);
  if (!row) throw new NotFoundError({ 'zh-CN': `没有找到波次 ${text}：请填波次编号（BC 开头）或波次 id`, en: `No wave ${text}: give the wave number (BC…) or its id` });
  return row.id;
}

/** The whole wave: its orders, the pick list in path order, replenishments and the seeding summary. */
export async function readWave(q: Queryable, id: number): Promise<WaveDetail> {
  const row = await waveRow(q, id);
  const plan = await planWave(q, id);
  return {
    ...toSummary(row),
    orderList: plan.orders,
    pickList: plan.pickList,
    replenishments: await waveReplenishments(q, id),
    seeding: plan.seeding,
  };
}
