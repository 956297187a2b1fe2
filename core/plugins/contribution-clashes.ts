import type { LocalizedText } from '../i18n/localized-text.js';
import type { PluginManifest } from './manifest.js';

/** Two plugins that claim the same keybinding or command id; only one of them can have it. */
export interface ContributionClash {
  kind: 'keybinding' | 'command';
  /** The keybinding (normalized, e.g. `ctrl+alt+n`) or the command id. */
  key: string;
  /** Each claim: the plugin and its command. */
  claims: { plugin: string; command: string }[];
  message: LocalizedText;
}

const MODIFIERS = ['ctrl', 'alt', 'shift', 'meta'];

/** `alt+Ctrl+N` and `ctrl+alt+n` are one key: modifiers in a fixed order, lower case. */
export function normalizeKeybinding(binding: string): string {
  const parts = binding.toLowerCase().split('+');
  const key = parts.pop() ?? '';
  const mods = MODIFIERS.filter((m) => parts.includes(m));
  return [...mods, key].join('+');
}

/**
 * Keybindings and command ids taken by more than one of `manifests` (the running plugins). The
 * shell gives a keybinding to whichever plugin it meets first, so the other's shortcut silently
 * does something else; saying so names both plugins for whoever installs them.
 */
export function findClashes(manifests: PluginManifest[]): ContributionClash[] {
  const keys = new Map<string, { plugin: string; command: string }[]>();
  const ids = new Map<string, { plugin: string; command: string }[]>();
  for (const m of manifests) {
    for (const c of m.contributes.commands) {
      const claim = { plugin: m.id, command: c.id };
      ids.set(c.id, [...(ids.get(c.id) ?? []), claim]);
      if (c.keybinding) {
        const key = normalizeKeybinding(c.keybinding);
        keys.set(key, [...(keys.get(key) ?? []), claim]);
      }
    }
  }
  const list = (claims: { plugin: string; command: string }[], sep: string) => claims.map((c) => `${c.plugin}（${c.command}）`).join(sep);
  const listEn = (claims: { plugin: string; command: string }[]) => claims.map((c) => `${c.plugin} (${c.command})`).join(' and ');
  const clashes: ContributionClash[] = [];
  for (const [key, claims] of keys) {
    if (claims.length < 2) continue;
    clashes.push({
      kind: 'keybinding',
      key,
      claims,
      message: {
        'zh-CN': `快捷键 ${key} 被多个插件占用：${list(claims, '和')}。只有先加载的那个会响应；请在其中一个插件的 plugin.yaml 里换一个快捷键`,
        en: `The keybinding ${key} is taken by ${listEn(claims)}. Only the one loaded first answers it; change it in one of their plugin.yaml files`,
      },
    });
  }
  for (const [id, claims] of ids) {
    if (claims.length < 2) continue;
    clashes.push({
      kind: 'command',
      key: id,
      claims,
      message: {
        'zh-CN': `命令 ${id} 被多个插件声明：${list(claims, '和')}`,
        en: `The command ${id} is declared by ${listEn(claims)}`,
      },
    });
  }
  return clashes;
}
