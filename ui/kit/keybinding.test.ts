import { describe, expect, it } from 'vitest';
import { formatKeybinding, keybindingOf, normalizeKeybinding } from './keybinding.js';

const key = (init: Partial<KeyboardEvent>) => ({ ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, key: '', code: '', ...init }) as KeyboardEvent;

describe('keybindings', () => {
  it('normalizes modifier order and ⌘ to ctrl', () => {
    expect(normalizeKeybinding('Shift+Ctrl+P')).toBe('ctrl+shift+p');
    expect(normalizeKeybinding('cmd+alt+n')).toBe('ctrl+alt+n');
  });

  it('reads the physical key, so Alt on a keyboard layout does not change the letter', () => {
    expect(keybindingOf(key({ ctrlKey: true, altKey: true, key: 'ñ', code: 'KeyN' }))).toBe('ctrl+alt+n');
    expect(keybindingOf(key({ metaKey: true, shiftKey: true, key: 'P', code: 'KeyP' }))).toBe('ctrl+shift+p');
    expect(keybindingOf(key({ key: 'F1', code: 'F1' }))).toBe('f1');
  });

  it('shows a keybinding as people write it', () => {
    expect(formatKeybinding('ctrl+alt+n')).toBe('Ctrl+Alt+N');
  });
});
