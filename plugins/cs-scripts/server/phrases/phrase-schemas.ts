import { def, nullable } from '@workbench/plugin-api';
import { STAGES } from '../../shared/phrase-types.js';

export const STAGE = { enum: [...STAGES] };

export const GROUP = {
  type: 'object',
  properties: { id: def('id'), stage: STAGE, name: { type: 'string' }, position: { type: 'integer' } },
  required: ['id', 'stage', 'name', 'position'],
  additionalProperties: false,
};

export const PHRASE = {
  type: 'object',
  properties: {
    id: def('id'), groupId: def('id'), stage: STAGE, groupName: { type: 'string' }, shared: { type: 'boolean' },
    ownerId: nullable(def('id')), shortcut: nullable({ type: 'string' }), text: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } }, uses: { type: 'integer' }, lastUsedAt: nullable(def('timestamp')),
    favourite: { type: 'boolean' }, updatedAt: def('timestamp'), version: { type: 'integer' },
  },
  required: ['id', 'groupId', 'stage', 'groupName', 'shared', 'ownerId', 'shortcut', 'text', 'tags', 'uses', 'lastUsedAt', 'favourite', 'updatedAt', 'version'],
  additionalProperties: false,
};

export const LIBRARY = {
  type: 'object',
  properties: { groups: { type: 'array', items: GROUP }, items: { type: 'array', items: PHRASE } },
  required: ['groups', 'items'],
};

const TAGS = { type: 'array', items: { type: 'string', maxLength: 40 }, maxItems: 20 };
const SHORTCUT = nullable({ type: 'string', maxLength: 40 });

export const PHRASE_BODY = {
  type: 'object',
  properties: { groupId: def('id'), text: { type: 'string', maxLength: 4000 }, shortcut: SHORTCUT, tags: TAGS, shared: { type: 'boolean' } },
  required: ['groupId', 'text'],
  additionalProperties: false,
};

export const PHRASE_PATCH = {
  type: 'object',
  properties: { version: { type: 'integer', minimum: 1 }, groupId: def('id'), text: { type: 'string', maxLength: 4000 }, shortcut: SHORTCUT, tags: TAGS },
  required: ['version'],
  additionalProperties: false,
};
