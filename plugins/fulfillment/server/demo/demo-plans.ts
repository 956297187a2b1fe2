import type { ExceptionCode, FlagColour, OrderStatus, PlatformStatus } from '../../shared/state-names.js';
import type { CatalogSku } from '../types.js';
import { demoReceiver, pick, type DemoReceiver } from './demo-people.js';

/** One demo order before it is written: what it holds and how far it got. */
export interface DemoPlan {
  index: number;
  status: OrderStatus;
  platformStatus: PlatformStatus;
  lines: { sku: CatalogSku; qty: number }[];
  receiver: DemoReceiver;
  hoursAgo: number;
  buyerMessage: string;
  /** A remark 工号+快递+备注, as customer service writes it. */
  remark?: { agentNo: string; courier: string; note: string };
  flag: FlagColour;
  task: boolean;
  exceptions: { code: ExceptionCode; message: string }[];
  /** 1: the wave being picked; 2: the wave picked this morning. */
  wave?: 1 | 2;
  /** Shipped in the four weeks before the busy afternoon: the month the figures are made of. */
  history?: boolean;
  closedReason?: string;
}

// How many orders of each kind the demo shop has: about 200, every state, like a busy afternoon,
// after four weeks of about eight orders a day. The month comes last, so adding it left the
// afternoon's orders (and their numbers) as they were.
const MIX: { status: OrderStatus; count: number; wave?: 1 | 2; history?: true }[] = [
  { status: 'shipped', count: 50 },
  { status: 'closed', count: 8 },
  { status: 'pending', count: 55 },
  { status: 'exception', count: 20 },
  { status: 'fraud', count: 3 },
  { status: 'approved', count: 20 },
  { status: 'approved', count: 14, wave: 1 },
  { status: 'picked', count: 16, wave: 2 },
  { status: 'verified', count: 14, wave: 2 },
  { status: 'shipped', count: 216, history: true },
];

const MESSAGES = ['麻烦发顺丰，周五前要用', '请不要放发票', '是送人的礼物，帮忙包装好看一点', '尺码拿不准，麻烦按 M 码发', '地址是公司，工作日都有人'];
const NOTES = ['送袜子一双', '核对无误可以发货', '买家要求周末送达', '老客户，加送小样', '已和买家确认尺码'];
/** Remarks are by the three pre-sale agents of staff-rules' demo people. */
const AGENTS = ['01', '02', '03'];

/**
 * The demo's order plans, deterministic for a given generator. `stocked` SKUs have stock; `empty`
 * ones have none (orders for them wait as 缺货); `stub` is a 商家编码 listings does not know yet.
 */
export function demoPlans(random: () => number, stocked: CatalogSku[], empty: CatalogSku[], stub: CatalogSku): DemoPlan[] {
  const plans: DemoPlan[] = [];
  let index = 0;
  const lines = (max: number) => {
    const n = 1 + Math.floor(random() * max);
    const chosen = new Map<number, { sku: CatalogSku; qty: number }>();
    while (chosen.size < n) {
      const sku = pick(random, stocked);
      chosen.set(sku.id, { sku, qty: random() < 0.8 ? 1 : 2 });
    }
    return [...chosen.values()];
  };
  for (const { status, count, wave, history } of MIX) {
    for (let k = 0; k < count; k++) {
      const i = index++;
      const plan: DemoPlan = {
        index: i,
        status,
        platformStatus: history || (status === 'shipped' && k % 3 === 0) ? 'completed' : status === 'shipped' ? 'shipped' : 'paid',
        // Half the wave-2 orders hold one item, so the wave has 单品 as well as 多品.
        lines: lines(wave === 2 && k % 2 === 0 ? 1 : 3),
        receiver: demoReceiver(random, i),
        hoursAgo: history ? 96 + Math.floor(random() * 26 * 24) : status === 'shipped' || status === 'closed' ? 30 + Math.floor(random() * 60) : wave === 2 ? 5 + Math.floor(random() * 20) : 1 + Math.floor(random() * 28),
        buyerMessage: '',
        flag: 0,
        task: false,
        exceptions: [],
        ...(wave ? { wave } : {}),
        ...(history ? { history } : {}),
      };
      shape(plan, k, random, empty, stub);
      plans.push(plan);
    }
  }
  return plans;
}

/** The details that make each state look real: messages, remarks, flags and exception reasons. */
function shape(plan: DemoPlan, k: number, random: () => number, empty: CatalogSku[], stub: CatalogSku): void {
  if (plan.status === 'pending') {
    if (k < 5) plan.platformStatus = 'unpaid';
    else if (k < 8) plan.task = true;
    else if (k < 14) plan.buyerMessage = pick(random, MESSAGES);
    if (k % 4 === 1) {
      plan.remark = { agentNo: pick(random, AGENTS), courier: k % 8 === 1 ? '顺丰' : '申通', note: pick(random, NOTES) };
      plan.flag = k % 8 === 1 ? 1 : 5;
    }
    if (k >= 50) plan.receiver = demoReceiver(random, plan.index, k % 2 ? '新疆' : '西藏');
  }
  if (plan.status === 'exception') {
    const kind = k % 5;
    if (kind === 0) {
      plan.lines = [{ sku: stub, qty: 1 }];
      plan.exceptions = [{ code: 'unknown-sku', message: `商家编码 ${stub.code} 在商品库里没有，请先补全商品` }];
    } else if (kind === 1) {
      plan.receiver = { ...plan.receiver, phone: '' };
      plan.exceptions = [{ code: 'incomplete-address', message: '收件人手机号缺失，请联系买家补全' }];
    } else if (kind === 2 && empty.length) {
      plan.lines = [{ sku: pick(random, empty), qty: 1 }];
      plan.exceptions = [{ code: 'out-of-stock', message: '库存不足，需等补货或与买家协商' }];
    } else if (kind === 3) {
      plan.buyerMessage = pick(random, MESSAGES);
      plan.exceptions = [{ code: 'needs-person', message: '买家有留言，需要人工确认' }];
    } else {
      plan.exceptions = [{ code: 'possible-merge', message: '同一买家同一地址还有未拣货的订单，可合并发货' }];
    }
  }
  if (plan.status === 'fraud') plan.exceptions = [];
  if (plan.status === 'closed') {
    plan.platformStatus = 'closed';
    plan.closedReason = k < 4 ? '买家未付款，超时关闭' : '买家申请退款，已协商关闭';
  }
  if (plan.history) {
    // Customer service took about a third of the month's orders in chat: their 工号 is in the remark.
    if (k % 3 === 0) {
      plan.remark = { agentNo: pick(random, AGENTS), courier: k % 15 === 0 ? '顺丰' : '申通', note: pick(random, NOTES) };
      plan.flag = 5;
    }
    return;
  }
  if ((plan.status === 'approved' || plan.status === 'shipped') && k % 6 === 0) {
    plan.remark = { agentNo: pick(random, AGENTS), courier: '申通', note: '核对无误可以发货' };
    plan.flag = 5;
  }
}
