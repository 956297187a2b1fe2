import { ConflictError, ForbiddenError, ID_PARAMS, InputError, NotFoundError, type Actor, type PluginContext, type Transaction } from '@workbench/plugin-api';
import type { Group, Phrase, Stage } from '../../shared/phrase-types.js';
import { draftError, tidyDraft } from './phrase-rules.js';
import { GROUP, LIBRARY, PHRASE, PHRASE_BODY, PHRASE_PATCH, STAGE } from './phrase-schemas.js';
import { phraseStore, type PhraseInput } from './phrase-store.js';

type Id = { id: number };
type Empty = Record<string, unknown>;
type PhraseBody = { groupId: number; text: string; shortcut?: string | null; tags?: string[]; shared?: boolean };
type PhrasePatch = { version: number; groupId?: number; text?: string; shortcut?: string | null; tags?: string[] };

const USE = 'cs-scripts.phrases.use';
const MANAGE = 'cs-scripts.phrases.manage';

const notFound = (id: number) => new NotFoundError({ 'zh-CN': `没有编号为 ${id} 的短语`, en: `There is no phrase ${id}` });
const noGroup = (id: number) => new InputError({ 'zh-CN': `没有编号为 ${id} 的分组`, en: `There is no group ${id}` }, { errors: [{ path: '/groupId', in: 'body', message: 'unknown group' }] });

/** A shared phrase is the shop's: only who keeps the library changes it. Own phrases are their owner's. */
function mayChange(actor: Actor, phrase: Pick<Phrase, 'ownerId'>): boolean {
  return phrase.ownerId === null ? actor.can(MANAGE) : phrase.ownerId === actor.id;
}

const cannotChange = () => new ForbiddenError({ 'zh-CN': '共享短语只有维护短语库的人能改；可以另存为自己的短语', en: 'Only who keeps the library changes shared phrases; save it as your own instead' });

async function checkShortcut(tx: Transaction, shortcut: string | null, ownerId: number | null, except?: number): Promise<void> {
  if (shortcut === null) return;
  const taken = await phraseStore(tx).byShortcut(shortcut, ownerId);
  if (taken && taken.id !== except) {
    throw new ConflictError({ 'zh-CN': `快捷码 :${shortcut} 已经给了「${taken.text.slice(0, 20)}」`, en: `The shortcut :${shortcut} is already on "${taken.text.slice(0, 20)}"` });
  }
}

export function addPhraseRoutes(ctx: PluginContext): void {
  ctx.routes.add<Empty, Empty, undefined, { groups: Group[]; items: Phrase[] }>({
    method: 'get',
    path: '/phrases',
    permission: USE,
    summary: { 'zh-CN': '短语库：分组和能用的短语（共享的和自己的，带收藏与使用次数）', en: 'The library: groups and the phrases one may use (shared and own, with stars and use counts)' },
    response: LIBRARY,
    handler: ({ actor }) => ctx.db.read(async (q) => ({ groups: await phraseStore(q).groups(), items: await phraseStore(q).visibleTo(actor!.id) })),
  });

  ctx.routes.add<Empty, Empty, PhraseBody, Phrase>({
    method: 'post',
    path: '/phrases',
    permission: USE,
    summary: { 'zh-CN': '新建短语（自己的；shared 为共享，需维护短语库权限）', en: 'Add a phrase (own; shared: true for the shop, needs the library permission)' },
    body: PHRASE_BODY,
    response: PHRASE,
    status: 201,
    action: 'add phrase',
    handler: ({ body, actor }) => {
      const draft = tidyDraft(body);
      if ('field' in draft) throw draftError(draft);
      if (body.shared && !actor!.can(MANAGE)) throw cannotChange();
      const input: PhraseInput = { groupId: body.groupId, ownerId: body.shared ? null : actor!.id, ...draft };
      return ctx.db.transaction(async (tx) => {
        const store = phraseStore(tx);
        if (!(await store.group(body.groupId))) throw noGroup(body.groupId);
        await checkShortcut(tx, input.shortcut, input.ownerId);
        const id = await store.add(input, actor!.id, ctx.now());
        return (await store.phrase(id, actor!.id))!;
      });
    },
  });

  ctx.routes.add<Id, Empty, PhrasePatch, Phrase>({
    method: 'patch',
    path: '/phrases/:id',
    permission: USE,
    summary: { 'zh-CN': '修改短语（自己的；共享的需维护短语库权限）', en: 'Change a phrase (own; shared ones need the library permission)' },
    params: ID_PARAMS,
    body: PHRASE_PATCH,
    response: PHRASE,
    action: 'change phrase',
    handler: ({ params, body, actor }) => ctx.db.transaction(async (tx) => {
      const store = phraseStore(tx);
      const old = await store.phrase(params.id, actor!.id);
      if (!old || (old.ownerId !== null && old.ownerId !== actor!.id)) throw notFound(params.id);
      if (!mayChange(actor!, old)) throw cannotChange();
      const draft = tidyDraft({ text: body.text ?? old.text, shortcut: body.shortcut === undefined ? old.shortcut : body.shortcut, tags: body.tags ?? old.tags });
      if ('field' in draft) throw draftError(draft);
      const groupId = body.groupId ?? old.groupId;
      if (!(await store.group(groupId))) throw noGroup(groupId);
      await checkShortcut(tx, draft.shortcut, old.ownerId, old.id);
      await store.update(old.id, body.version, { groupId, ownerId: old.ownerId, ...draft }, ctx.now());
      return (await store.phrase(old.id, actor!.id))!;
    }),
  });

  ctx.routes.add<Id, Empty, undefined, undefined>({
    method: 'delete',
    path: '/phrases/:id',
    permission: USE,
    summary: { 'zh-CN': '删除短语（自己的；共享的需维护短语库权限）', en: 'Delete a phrase (own; shared ones need the library permission)' },
    params: ID_PARAMS,
    status: 204,
    action: 'delete phrase',
    handler: ({ params, actor }) => ctx.db.transaction(async (tx) => {
      const old = await phraseStore(tx).phrase(params.id, actor!.id);
      if (!old || (old.ownerId !== null && old.ownerId !== actor!.id)) throw notFound(params.id);
      if (!mayChange(actor!, old)) throw cannotChange();
      await phraseStore(tx).remove(old.id);
      return undefined;
    }),
  });

  ctx.routes.add<Id, Empty, { favourite: boolean }, Phrase>({
    method: 'put',
    path: '/phrases/:id/favourite',
    permission: USE,
    summary: { 'zh-CN': '收藏或取消收藏一条短语（只对自己）', en: 'Star or unstar a phrase (for oneself)' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { favourite: { type: 'boolean' } }, required: ['favourite'], additionalProperties: false },
    response: PHRASE,
    handler: ({ params, body, actor }) => ctx.db.transaction(async (tx) => {
      const store = phraseStore(tx);
      const old = await store.phrase(params.id, actor!.id);
      if (!old || (old.ownerId !== null && old.ownerId !== actor!.id)) throw notFound(params.id);
      await store.setFavourite(actor!.id, old.id, body.favourite);
      return (await store.phrase(old.id, actor!.id))!;
    }),
  });

  addGroupRoutes(ctx);
}

function addGroupRoutes(ctx: PluginContext): void {
  const NAME = { type: 'string', minLength: 1, maxLength: 20, pattern: '\\S' };
  const duplicate = (name: string) => new ConflictError({ 'zh-CN': `这个阶段已经有「${name}」分组了`, en: `This stage already has a group "${name}"` });

  ctx.routes.add<Empty, Empty, { stage: Stage; name: string }, Group>({
    method: 'post',
    path: '/groups',
    permission: MANAGE,
    summary: { 'zh-CN': '新建分组（售前、售中或售后下）', en: 'Add a group (under 售前, 售中 or 售后)' },
    body: { type: 'object', properties: { stage: STAGE, name: NAME }, required: ['stage', 'name'], additionalProperties: false },
    response: GROUP,
    status: 201,
    action: 'add phrase group',
    handler: ({ body }) => ctx.db.transaction(async (tx) => {
      const name = body.name.trim();
      if (await phraseStore(tx).groupByName(body.stage, name)) throw duplicate(name);
      return phraseStore(tx).addGroup(body.stage, name);
    }),
  });

  ctx.routes.add<Id, Empty, { name: string }, Group>({
    method: 'patch',
    path: '/groups/:id',
    permission: MANAGE,
    summary: { 'zh-CN': '分组改名', en: 'Rename a group' },
    params: ID_PARAMS,
    body: { type: 'object', properties: { name: NAME }, required: ['name'], additionalProperties: false },
    response: GROUP,
    action: 'rename phrase group',
    handler: ({ params, body }) => ctx.db.transaction(async (tx) => {
      const store = phraseStore(tx);
      const group = await store.group(params.id);
      if (!group) throw new NotFoundError({ 'zh-CN': `没有编号为 ${params.id} 的分组`, en: `There is no group ${params.id}` });
      const name = body.name.trim();
      const same = await store.groupByName(group.stage, name);
      if (same && same.id !== group.id) throw duplicate(name);
      await store.renameGroup(group.id, name);
      return (await store.group(group.id))!;
    }),
  });

  ctx.routes.add<Id, Empty, undefined, undefined>({
    method: 'delete',
    path: '/groups/:id',
    permission: MANAGE,
    summary: { 'zh-CN': '删除分组（要先把里面的短语移走或删掉）', en: 'Delete a group (move or delete its phrases first)' },
    params: ID_PARAMS,
    status: 204,
    action: 'delete phrase group',
    handler: ({ params }) => ctx.db.transaction(async (tx) => {
      const store = phraseStore(tx);
      if (!(await store.group(params.id))) throw new NotFoundError({ 'zh-CN': `没有编号为 ${params.id} 的分组`, en: `There is no group ${params.id}` });
      const n = await store.phrasesInGroup(params.id);
      if (n > 0) throw new ConflictError({ 'zh-CN': `分组里还有 ${n} 条短语，先移走或删掉`, en: `The group still holds ${n} phrases; move or delete them first` });
      await store.removeGroup(params.id);
      return undefined;
    }),
  });
}
