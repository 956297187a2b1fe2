import { InputError, NotFoundError, type PluginContext, type Queryable, type Transaction } from '@workbench/plugin-api';
import type { AfterSalesCaseClosed, AfterSalesReviewPraised, CsMonthRanked, CsRankedAgent, MistakeKind, StaffMember } from '../model.js';
import { priceConduct, type ConductInput, type ConductProblem } from '../rules/conduct-fines.js';
import { money } from '../rules/explanation.js';
import { moneySettings, type MoneySettings } from '../rules/money-settings.js';
import { priceCase } from '../rules/responsibility.js';
import { priceReward, type RewardInput, type RewardProblem } from '../rules/rewards.js';
import { amountStore, type LedgerEntry } from './amount-store.js';
import { caseStore } from './case-store.js';
import { monthStore } from './month-store.js';
import type { StaffLookup } from './staff-lookup.js';

/** A case as a supervisor enters it or after-sales sends it, people not yet resolved. */
export interface CaseEntry {
  caseId: string;
  orderNo: string;
  mistake: MistakeKind;
  equipmentFault: boolean;
  returnShippingFen: number;
  date: string;
  responsible: AfterSalesCaseClosed['responsible'];
}

const nextMonth = (month: string): string => {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
};

/**
 * Books fines, penalties and rewards: prices them with the settings of the moment and writes them
 * with their explanation. A supervisor's entry in a closed month is refused; an event's goes to the
 * first open month after, so after-sales never has its own change refused by a closed month here.
 */
export class MoneyMoves {
  constructor(
    private readonly ctx: PluginContext,
    private readonly staff: StaffLookup,
    private readonly tx: Transaction,
  ) {}

  private get settings(): MoneySettings {
    return moneySettings(this.ctx.settings.get());
  }

  async conduct(input: Omit<ConductInput, 'earlier'>, by: number): Promise<LedgerEntry> {
    const person = await this.requireStaff(this.tx, input.staffId);
    const month = input.date.slice(0, 7);
    await monthStore(this.tx).requireOpen(month);
    const s = this.settings;
    const window = input.rule === 'complaint' && s.complaintWindow === 'month' ? month : undefined;
    const earlier = await amountStore(this.tx).countRule(person.id, input.rule, input.rule === 'complaint' ? window : undefined);
    const priced = priceConduct({ ...input, earlier }, s);
    if ('problem' in priced) throw conductError(priced.problem);
    return amountStore(this.tx).add(priced.amount, { month, source: 'supervisor', sourceRef: null, countedMistake: false, by, at: this.ctx.now() });
  }

  async reward(input: RewardInput, by: number, sourceRef: string | null = null): Promise<LedgerEntry> {
    await this.requireStaff(this.tx, input.staffId);
    const month = input.date.slice(0, 7);
    await monthStore(this.tx).requireOpen(month);
    const priced = priceReward(input, this.settings);
    if ('problem' in priced) throw rewardError(priced.problem);
    return amountStore(this.tx).add(priced.amount, { month, source: 'supervisor', sourceRef, countedMistake: false, by, at: this.ctx.now() });
  }

  /** Prices a case for its responsible people; a case already priced is refused (`byHand`) or skipped (event). */
  async priceCase(entry: CaseEntry, from: { by: number } | 'after-sales'): Promise<LedgerEntry[]> {
    const byHand = from !== 'after-sales';
    const cases = caseStore(this.tx);
    if (await cases.byCaseId(entry.caseId)) {
      if (!byHand) return [];
      throw new InputError(
        { 'zh-CN': `售后单 ${entry.caseId} 已经计算过责任，不能重复`, en: `Case ${entry.caseId} was already priced` },
        { errors: [{ path: '/caseId', in: 'body', message: 'duplicate' }] },
      );
    }
    const people: StaffMember[] = [];
    for (const [i, who] of entry.responsible.entries()) {
      const person = 'staffId' in who ? await this.staff.byId(this.tx, who.staffId) : await this.staff.byCode(this.tx, who.code.trim());
      if (!person) {
        const named = 'staffId' in who ? `#${who.staffId}` : `工号 ${who.code}`;
        if (!byHand) {
          // Refusing would roll back after-sales' own closing of the case; the case stays unpriced
          // here, and a supervisor enters it by hand with the right people.
          this.ctx.log.warn('closed case names someone not on the staff list; enter it by hand', { case: entry.caseId, responsible: named });
          return [];
        }
        throw new InputError(
          { 'zh-CN': `售后单 ${entry.caseId} 的责任人 ${named} 不在员工名单里`, en: `Case ${entry.caseId} names ${named}, who is not on the staff list` },
          { errors: [{ path: `/responsible/${i}`, in: 'body', message: 'unknown' }] },
        );
      }
      if (!people.some((p) => p.id === person.id)) people.push(person);
    }
    let month = entry.date.slice(0, 7);
    if (byHand) await monthStore(this.tx).requireOpen(month);
    else month = await this.openMonthFrom(month);
    await cases.add({ caseId: entry.caseId, orderNo: entry.orderNo, mistake: entry.mistake, equipmentFault: entry.equipmentFault, returnShippingFen: entry.returnShippingFen, closedOn: entry.date, source: byHand ? 'supervisor' : 'after-sales' }, byHand ? from.by : null, this.ctx.now());
    const amounts = amountStore(this.tx);
    const counts = new Map<number, { all: number; cs: number }>();
    for (const p of people) counts.set(p.id, await amounts.mistakes(p.id, month));
    const priced = priceCase({ ...entry, people: people.map((p) => ({ staffId: p.id })) }, (id) => counts.get(id)!, this.settings);
    const out: LedgerEntry[] = [];
    for (const a of priced) {
      out.push(await amounts.add(a, { month, source: byHand ? 'supervisor' : 'after-sales', sourceRef: entry.caseId, countedMistake: a.counted, by: byHand ? from.by : null, at: this.ctx.now() }));
    }
    return out;
  }

  /** A buyer praised someone by name: one review's reward, once per review. */
  async praised(p: AfterSalesReviewPraised): Promise<LedgerEntry | undefined> {
    const amounts = amountStore(this.tx);
    if (await amounts.hasSource('after-sales', `review:${p.reviewId}`)) return undefined;
    const person = 'staffId' in p.staff ? await this.staff.byId(this.tx, p.staff.staffId) : await this.staff.byCode(this.tx, p.staff.code.trim());
    if (!person) {
      this.ctx.log.warn('praised review names nobody on the staff list; enter the reward by hand', { review: p.reviewId, staff: JSON.stringify(p.staff) });
      return undefined;
    }
    const date = this.ctx.shopTime(p.praisedAt).slice(0, 10);
    const month = await this.openMonthFrom(date.slice(0, 7));
    const priced = priceReward({ staffId: person.id, date, note: `订单 ${p.orderNo}`, rule: 'review-praise', reviews: 1 }, this.settings);
    if ('problem' in priced) throw rewardError(priced.problem);
    return amounts.add(priced.amount, { month, source: 'after-sales', sourceRef: `review:${p.reviewId}`, countedMistake: false, by: null, at: this.ctx.now() });
  }

  /**
   * cs-scripts closed a month: its first and second get the best-CS rewards, dated the month's
   * last day, once per month. Someone not on the staff list is left out with a warning, for a
   * supervisor to enter by hand.
   */
  async bestCs(m: CsMonthRanked): Promise<LedgerEntry[]> {
    const amounts = amountStore(this.tx);
    const ref = `best-cs:${m.month}`;
    if (await amounts.hasSource('cs-scripts', ref)) return [];
    const [y, mo] = m.month.split('-').map(Number) as [number, number];
    const date = `${m.month}-${String(new Date(Date.UTC(y, mo, 0)).getUTCDate()).padStart(2, '0')}`;
    const month = await this.openMonthFrom(m.month);
    const out: LedgerEntry[] = [];
    for (const [place, agent] of [[1, m.first], [2, m.second]] as [number, CsRankedAgent | null][]) {
      if (!agent) continue;
      const person = await this.staff.byCode(this.tx, agent.code.trim());
      if (!person) {
        this.ctx.log.warn('best CS of the month names nobody on the staff list; enter the reward by hand', { month: m.month, code: agent.code });
        continue;
      }
      const figures = [`营业额 ${money(agent.salesFen)}`, agent.conversionPercent == null ? null : `询单转化率 ${agent.conversionPercent}%`, agent.replyRatePercent == null ? null : `回复率 ${agent.replyRatePercent}%`, agent.averageResponseSeconds == null ? null : `平均响应 ${agent.averageResponseSeconds} 秒`];
      const priced = priceReward({ staffId: person.id, date, note: `客服考核 ${m.month}：${figures.filter(Boolean).join('，')}`, rule: 'best-cs', place, rankedBy: 'kpis' }, this.settings);
      if ('problem' in priced) {
        this.ctx.log.warn('best CS place has no reward in the settings', { month: m.month, place: String(place) });
        continue;
      }
      out.push(await amounts.add(priced.amount, { month, source: 'cs-scripts', sourceRef: ref, countedMistake: false, by: null, at: this.ctx.now() }));
    }
    return out;
  }

  private async openMonthFrom(month: string): Promise<string> {
    let m = month;
    while (await monthStore(this.tx).closed(m)) m = nextMonth(m);
    return m;
  }

  async waive(id: number, reason: string, by: number): Promise<LedgerEntry> {
    const amounts = amountStore(this.tx);
    const entry = await amounts.require(id);
    await monthStore(this.tx).requireOpen(entry.month);
    if (entry.waived) throw new InputError({ 'zh-CN': `这笔已于 ${entry.waived.at.slice(0, 10)} 免除`, en: `This amount was already waived on ${entry.waived.at.slice(0, 10)}` });
    return amounts.waive(id, { reason, by, at: this.ctx.now() });
  }

  private async requireStaff(q: Queryable, id: number): Promise<StaffMember> {
    const person = await this.staff.byId(q, id);
    if (!person) throw new NotFoundError({ 'zh-CN': `没有找到员工 #${id}`, en: `Staff member #${id} was not found` });
    return person;
  }
}

function conductError(p: ConductProblem): InputError {
  const range = `${money(p.min)}–${money(p.max)}`;
  return new InputError(
    p.kind === 'amountNeeded'
      ? { 'zh-CN': `泄露联系方式的罚款由主管按情节定，请填写 ${range} 之间的金额`, en: `Set the fine for a leaked contact by how serious it was, within ${range}` }
      : { 'zh-CN': `罚款 ${money(p.amountFen)} 不在 ${range} 之间`, en: `A fine of ${money(p.amountFen)} is outside ${range}` },
    { errors: [{ path: '/amountFen', in: 'body', message: range }] },
  );
}

function rewardError(p: RewardProblem): InputError {
  if (p.kind === 'noSuchPlace') {
    return new InputError({ 'zh-CN': `这项奖励只有 ${p.places} 个名次`, en: `This reward has ${p.places} places` }, { errors: [{ path: '/place', in: 'body', message: `1–${p.places}` }] });
  }
  const unit = p.measure === 'hours' ? { zh: ' 小时', en: ' hours' } : { zh: '%', en: '%' };
  return new InputError(
    { 'zh-CN': `本店 ${p.shop}${unit.zh} 没有优于行业的 ${p.industry}${unit.zh}，不发这项奖励`, en: `The shop's ${p.shop}${unit.en} is not better than the industry's ${p.industry}${unit.en}: no reward` },
    { errors: [{ path: p.measure === 'hours' ? '/shopHours' : '/shopRatePercent', in: 'body', message: `< ${p.industry}` }] },
  );
}
