import type { PluginContext } from '@workbench/plugin-api';

/** The `checklist` block of the plugin's settings, with every figure filled in. */
export interface ChecklistSettings {
  minDetailImages: number;
  mainImageWidth: number;
  titleMaxChars: number;
  requiredAttributes: string[];
  allowedPromotionWords: string[];
  forbiddenWords: string[];
}

/**
 * Reads the checklist figures now, so a change saved in the settings UI applies to the next check.
 * The settings schema fills in its defaults; the fallbacks only guard against a hand-edited value
 * of the wrong type slipping past, which would otherwise make every rule pass silently.
 */
export function checklistSettings(ctx: PluginContext): ChecklistSettings {
  const raw = (ctx.settings.get().checklist ?? {}) as Partial<Record<keyof ChecklistSettings, unknown>>;
  const num = (value: unknown, fallback: number) => (typeof value === 'number' && Number.isFinite(value) ? value : fallback);
  const words = (value: unknown, fallback: string[]) => (Array.isArray(value) ? value.filter((w): w is string => typeof w === 'string' && w.length > 0) : fallback);
  return {
    minDetailImages: num(raw.minDetailImages, 5),
    mainImageWidth: num(raw.mainImageWidth, 710),
    titleMaxChars: num(raw.titleMaxChars, 30),
    requiredAttributes: words(raw.requiredAttributes, ['颜色', '尺码', '面料']),
    allowedPromotionWords: words(raw.allowedPromotionWords, ['包邮', '特价', '限时打折', '新品', '热卖', '清仓']),
    forbiddenWords: words(raw.forbiddenWords, ['最低价', '全网第一', '最便宜', '国家级', '顶级', '史上最']),
  };
}
