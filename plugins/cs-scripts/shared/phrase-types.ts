/** The library's shapes, as the API sends them (server and panels share them). */
export type Stage = 'pre-sale' | 'in-sale' | 'after-sale';
export const STAGES: readonly Stage[] = ['pre-sale', 'in-sale', 'after-sale'];
export const STAGE_NAMES: Record<Stage, { 'zh-CN': string; en: string }> = {
  'pre-sale': { 'zh-CN': '售前', en: 'Pre-sale' },
  'in-sale': { 'zh-CN': '售中', en: 'In-sale' },
  'after-sale': { 'zh-CN': '售后', en: 'After-sale' },
};

export interface Group {
  id: number;
  stage: Stage;
  name: string;
  position: number;
}

export interface Phrase {
  id: number;
  groupId: number;
  stage: Stage;
  groupName: string;
  /** Shared with the whole shop (ownerId null) or one person's own. */
  shared: boolean;
  ownerId: number | null;
  /** Typed after `:` in the panel, `ship` for `:ship`. */
  shortcut: string | null;
  text: string;
  tags: string[];
  uses: number;
  lastUsedAt: string | null;
  favourite: boolean;
  updatedAt: string;
  version: number;
}

/** A phrase with its placeholders filled; `missing` names those that could not be, and why. */
export interface FilledPhrase {
  text: string;
  missing: { name: string; reason: { 'zh-CN': string; en: string } }[];
}
