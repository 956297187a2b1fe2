import { ConflictError, InputError, NotFoundError, type PluginContext } from '@workbench/plugin-api';
import type { OrderDetail } from '@workbench/contracts/fulfillment';
import { OrdersToken, StaffToken } from '../tokens.js';

/** The shop's flag meanings, as fulfillment's flag numbers: purple checked and ready, red special, yellow for the warehouse. */
export const REMARK_FLAGS = { checked: 5, special: 1, warehouse: 2 } as const;
export type RemarkFlag = keyof typeof REMARK_FLAGS;

type RemarkBody = { orderNo: string; note: string; courier?: string; agentNo?: string; flag?: RemarkFlag };

/**
 * The remark helper: the agent's 工号 (from staff-rules, else as typed), the courier (as chosen,
 * else the one fulfillment's rules pick) and the note, written `工号+快递+备注` through fulfillment,
 * which checks the format as for a remark typed on the order — so commission counts from the 工号.
 */
export function addRemarkRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, Record<string, unknown>, RemarkBody, OrderDetail>({
    method: 'post',
    path: '/remarks',
    permission: 'cs-scripts.remarks.write',
    summary: { 'zh-CN': '按店铺格式写订单备注（工号+快递+备注）并插旗（紫：已核对可发，红：特殊要求，黄：仓库注意）', en: "Write an order remark in the shop's format (agent no.+courier+note) and its flag (purple ready, red special, yellow warehouse)" },
    body: {
      type: 'object',
      properties: {
        orderNo: { type: 'string', minLength: 1, maxLength: 40 },
        note: { type: 'string', minLength: 1, maxLength: 200, pattern: '\\S' },
        courier: { type: 'string', maxLength: 20 },
        agentNo: { type: 'string', maxLength: 20 },
        flag: { enum: Object.keys(REMARK_FLAGS) },
      },
      required: ['orderNo', 'note'],
      additionalProperties: false,
    },
    status: 201,
    action: 'write order remark',
    handler: async ({ body, actor }) => {
      const orders = ctx.services.optional(OrdersToken);
      if (!orders) throw new ConflictError({ 'zh-CN': '订单与仓储插件没开，备注写不进订单', en: 'fulfillment is off: the remark cannot be written to the order' });
      const order = await orders.byOrderNo(body.orderNo, { actor });
      if (!order) throw new NotFoundError({ 'zh-CN': `找不到订单 ${body.orderNo.trim()}`, en: `No order ${body.orderNo.trim()}` });
      const member = await ctx.services.optional(StaffToken)?.byAccount(actor!.id);
      const agentNo = member?.code ?? body.agentNo?.trim();
      if (!agentNo) {
        throw new InputError({ 'zh-CN': '你的账号在员工名单里没有工号，请填工号，或请店长在员工名单里关联账号', en: 'Your account has no 工号 in the staff list: type it, or ask the owner to link your account there' }, { errors: [{ path: '/agentNo', in: 'body', message: 'required' }] });
      }
      const courier = body.courier?.trim() || (await orders.courierChoice(order.id))?.courier?.name;
      if (!courier) throw new InputError({ 'zh-CN': '没有快递能送到这个地址，请选一家快递', en: 'No courier reaches this address: choose one' }, { errors: [{ path: '/courier', in: 'body', message: 'required' }] });
      const text = `${agentNo}+${courier}+${body.note.trim()}`;
      return orders.addRemark(order.id, { text, ...(body.flag ? { flag: REMARK_FLAGS[body.flag] } : {}) }, { actor });
    },
  });
}
