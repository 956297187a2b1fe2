/**
 * Keybindings are written as in VS Code: `ctrl+shift+p`, `ctrl+alt+n`, `f2`. On a Mac, `ctrl`
 * also matches ⌘ so the same manifest works everywhere.
 */
export function normalizeKeybinding(binding: string): string {
  const parts = binding.toLowerCase().split('+').map((p) => p.trim()).filter(Boolean);
  const key = parts.pop() ?? '';
  const mods = ['ctrl', 'alt', 'shift'].filter((m) => parts.includes(m) || (m === 'ctrl' && (parts.includes('cmd') || parts.includes('meta'))));
  return [...mods, key].join('+');
}

/** The normalized keybinding a keyboard event stands for, e.g. `ctrl+shift+p`. */
export function keybindingOf(event: KeyboardEvent): string {
  // event.code keeps letters and digits stable when Alt or a keyboard layout changes event.key.
  const code = event.code;
  let key = event.key.toLowerCase();
  if (/^Key[A-Z]$/.test(code)) key = code.slice(3).toLowerCase();
  else if (/^Digit\d$/.test(code)) key = code.slice(5);
  else if (key === ' ') key = 'space';
  const mods: string[] = [];
  if (event.ctrlKey || event.metaKey) mods.push('ctrl');
  if (event.altKey) mods.push('alt');
  if (event.shiftKey) mods.push('shift');
  return [...mods, key].join('+');
}

/** How a keybinding is shown to people: Ctrl+Alt+N. */
export function formatKeybinding(binding: string): string {
  return normalizeKeybinding(binding)
    .split('+')
    .map((p) => (p.length === 1 ? p.toUpperCase() : p[0]!.toUpperCase() + p.slice(1)))
    .join('+');
}
