import { def, nullable, NotFoundError, ID_PARAMS, type Actor, type JsonSchema, type PluginContext } from '@workbench/plugin-api';
import { DEPARTMENTS, type StaffMember } from '../model.js';
import { rosterStore } from '../roster/roster-store.js';
import { maskPhone } from './staff-code.js';
import { staffStore, type StaffFilter, type StaffInput } from './staff-store.js';

export const PHONE_PERMISSION = 'staff-rules.staff.phone';

const DEPARTMENT: JsonSchema = { type: 'string', enum: [...DEPARTMENTS] };

export const STAFF_SCHEMA: JsonSchema = {
  type: 'object',
  properties: {
    id: def('id'), code: { type: 'string' }, name: { type: 'string' }, department: DEPARTMENT,
    position: nullable({ type: 'string' }), hiredOn: nullable(def('date')), phone: nullable({ type: 'string' }),
    accountId: nullable(def('id')), leftOn: nullable(def('date')),
  },
  required: ['id', 'code', 'name', 'department', 'position', 'hiredOn', 'phone', 'accountId', 'leftOn'],
  additionalProperties: false,
};

const FIELDS: Record<keyof StaffInput, JsonSchema> = {
  code: { allOf: [def('visibleText')], minLength: 1, maxLength: 20, pattern: '\\S' },
  name: { allOf: [def('visibleText')], minLength: 1, maxLength: 40, pattern: '\\S' },
  department: DEPARTMENT,
  position: nullable({ allOf: [def('visibleText')], maxLength: 40 }),
  hiredOn: nullable(def('date')),
  phone: nullable({ type: 'string', maxLength: 20, pattern: '^[0-9+\\- ]*$' }),
  accountId: nullable(def('id')),
  leftOn: nullable(def('date')),
};

/** The person as `actor` may see them: the phone only with `staff-rules.staff.phone`. */
export function staffFor(actor: Actor | undefined, member: StaffMember): StaffMember {
  return actor?.can(PHONE_PERMISSION) ? member : { ...member, phone: maskPhone(member.phone) };
}

export function staffNotFound(id: number): NotFoundError {
  return new NotFoundError({ 'zh-CN': `没有编号为 ${id} 的员工`, en: `No staff member with id ${id}` });
}

export function addStaffRoutes(ctx: PluginContext): void {
  ctx.routes.add<Record<string, string>, StaffFilter, undefined, { items: StaffMember[] }>({
    method: 'get',
    path: '/staff',
    permission: 'staff-rules.staff.read',
    summary: { 'zh-CN': '员工名单（按部门、工号）', en: 'Staff, by department and number' },
    query: { type: 'object', properties: { department: DEPARTMENT, includeLeft: { type: 'boolean', default: false }, q: { type: 'string', maxLength: 40 } } },
    response: { type: 'object', properties: { items: { type: 'array', items: STAFF_SCHEMA } }, required: ['items'] },
    handler: async ({ query, actor }) => ({ items: (await ctx.db.read((q) => staffStore(q).list(query))).map((m) => staffFor(actor, m)) }),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, undefined, StaffMember>({
    method: 'get',
    path: '/staff/:id',
    permission: 'staff-rules.staff.read',
    summary: { 'zh-CN': '一名员工', en: 'One staff member' },
    params: ID_PARAMS,
    response: STAFF_SCHEMA,
    handler: async ({ params, actor }) => {
      const member = await ctx.db.read((q) => staffStore(q).get(params.id));
      if (!member) throw staffNotFound(params.id);
      return staffFor(actor, member);
    },
  });

  ctx.routes.add<Record<string, string>, Record<string, unknown>, StaffInput, StaffMember>({
    method: 'post',
    path: '/staff',
    permission: 'staff-rules.staff.manage',
    summary: { 'zh-CN': '录入一名员工', en: 'Add a staff member' },
    body: { type: 'object', properties: FIELDS, required: ['code', 'name', 'department'], additionalProperties: false },
    response: STAFF_SCHEMA,
    status: 201,
    action: 'add staff member',
    handler: async ({ body, actor }) => staffFor(actor, await ctx.db.transaction((tx) => staffStore(tx).add(body, ctx.now()))),
  });

  ctx.routes.add<{ id: number }, Record<string, unknown>, Partial<StaffInput>, StaffMember>({
    method: 'patch',
    path: '/staff/:id',
    permission: 'staff-rules.staff.manage',
    summary: { 'zh-CN': '修改员工信息、登记离职', en: 'Change a staff member, or record that they left' },
    params: ID_PARAMS,
    body: { type: 'object', properties: FIELDS, minProperties: 1, additionalProperties: false },
    response: STAFF_SCHEMA,
    action: 'change staff member',
    handler: async ({ params, body, actor }) => {
      const member = await ctx.db.transaction(async (tx) => {
        const staff = staffStore(tx);
        if (!(await staff.get(params.id))) throw staffNotFound(params.id);
        const changed = await staff.update(params.id, body, ctx.now());
        // Shifts planned from the day a person leaves would show as gaps covered by nobody.
        if (changed.leftOn) {
          const roster = rosterStore(tx);
          for (const shift of await roster.between(changed.leftOn, '9999-12-31', changed.id)) await roster.clear(changed.id, shift.date);
        }
        return changed;
      });
      return staffFor(actor, member);
    },
  });
}
