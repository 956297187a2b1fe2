import { describe, expect, test } from 'vitest';
import { localize } from '../i18n/localized-text.js';
import { findClashes, normalizeKeybinding } from './contribution-clashes.js';
import type { PluginManifest } from './manifest.js';

const plugin = (id: string, commands: { id: string; keybinding?: string }[]) =>
  ({ id, contributes: { views: [], editors: [], commands: commands.map((c) => ({ ...c, title: c.id })), widgets: [], status: [], importers: [], printables: [] } }) as unknown as PluginManifest;

describe('findClashes', () => {
  test('modifiers in any order are one keybinding', () => {
    expect(normalizeKeybinding('Shift+Ctrl+P')).toBe('ctrl+shift+p');
    expect(normalizeKeybinding('alt+ctrl+n')).toBe('ctrl+alt+n');
  });

  test('a keybinding two plugins take names both plugins and their commands', () => {
    const clashes = findClashes([plugin('orders', [{ id: 'orders.new', keybinding: 'ctrl+alt+n' }]), plugin('notes', [{ id: 'notes.new', keybinding: 'alt+ctrl+n' }, { id: 'notes.open' }])]);
    expect(clashes).toHaveLength(1);
    expect(clashes[0]).toMatchObject({ kind: 'keybinding', key: 'ctrl+alt+n', claims: [{ plugin: 'orders', command: 'orders.new' }, { plugin: 'notes', command: 'notes.new' }] });
    expect(localize(clashes[0]!.message, 'en')).toContain('orders (orders.new) and notes (notes.new)');
  });

  test('a command id declared twice is reported too; distinct ones and keys are not', () => {
    const clashes = findClashes([plugin('a', [{ id: 'a.go', keybinding: 'f2' }]), plugin('b', [{ id: 'a.go', keybinding: 'f3' }])]);
    expect(clashes.map((c) => `${c.kind}:${c.key}`)).toEqual(['command:a.go']);
    expect(findClashes([plugin('a', [{ id: 'a.go', keybinding: 'f2' }]), plugin('b', [{ id: 'b.go', keybinding: 'shift+f2' }])])).toEqual([]);
  });
});
