import { ConflictError, NotFoundError, type Queryable, type Transaction } from '@workbench/plugin-api';

export type NeedKind = 'restock' | 'new-item' | 'sample' | 'other';

/** A purchase need entered by hand: what, how many, to what quality, and why. */
export interface Need {
  id: number;
  kind: NeedKind;
  skuCode: string | null;
  description: string;
  quantity: number;
  quality: string;
  reason: string;
  state: 'open' | 'planned' | 'dropped';
  planId: number | null;
  createdBy: number;
  createdAt: string;
}

export type NeedInput = Pick<Need, 'kind' | 'quantity' | 'reason'> & Partial<Pick<Need, 'skuCode' | 'description' | 'quality'>>;

export interface NeedReader {
  list(state?: Need['state']): Promise<Need[]>;
  /** The needs by id; a missing one is a 404, one already planned or dropped a 409. */
  requireOpen(ids: number[]): Promise<Need[]>;
}

export interface NeedStore extends NeedReader {
  add(need: NeedInput, by: { id: number; at: string }): Promise<Need>;
}

const COLUMNS = `id, kind, sku_code AS skuCode, description, quantity, quality, reason, state, plan_id AS planId, created_by AS createdBy, created_at AS createdAt`;

export function needStore(tx: Transaction): NeedStore;
export function needStore(q: Queryable): NeedReader;
export function needStore(q: Queryable): NeedReader {
  return new DbNeedStore(q as Transaction);
}

class DbNeedStore implements NeedStore {
  constructor(private readonly tx: Transaction) {}

  list(state?: Need['state']): Promise<Need[]> {
    return state
      ? this.tx.all<Need>(`SELECT ${COLUMNS} FROM procurement_needs WHERE state = ? ORDER BY id DESC`, [state])
      : this.tx.all<Need>(`SELECT ${COLUMNS} FROM procurement_needs ORDER BY id DESC`);
  }

  async requireOpen(ids: number[]): Promise<Need[]> {
    const needs: Need[] = [];
    for (const id of ids) {
      const need = await this.tx.get<Need>(`SELECT ${COLUMNS} FROM procurement_needs WHERE id = ?`, [id]);
      if (!need) throw new NotFoundError({ 'zh-CN': `没有找到采购需求 #${id}`, en: `Purchase need #${id} was not found` });
      if (need.state !== 'open') throw new ConflictError({ 'zh-CN': `采购需求 #${id} 已经在采购计划 #${need.planId ?? '—'} 里了`, en: `Purchase need #${id} is already in purchase plan #${need.planId ?? '—'}` });
      needs.push(need);
    }
    return needs;
  }

  async add(need: NeedInput, by: { id: number; at: string }): Promise<Need> {
    const { lastId } = await this.tx.run(
      'INSERT INTO procurement_needs (kind, sku_code, description, quantity, quality, reason, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      [need.kind, need.skuCode?.trim() || null, need.description?.trim() ?? '', need.quantity, need.quality?.trim() ?? '', need.reason.trim(), by.id, by.at],
    );
    return (await this.tx.get<Need>(`SELECT ${COLUMNS} FROM procurement_needs WHERE id = ?`, [lastId]))!;
  }
}
