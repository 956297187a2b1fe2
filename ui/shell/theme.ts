export type ThemeChoice = 'system' | 'light' | 'dark';

const KEY = 'wb-theme';

/** The theme the user chose; "system" follows the operating system's light/dark setting. */
export function themeChoice(): ThemeChoice {
  const stored = localStorage.getItem(KEY);
  return stored === 'light' || stored === 'dark' ? stored : 'system';
}

/** The theme in effect right now. */
export function effectiveTheme(choice = themeChoice()): 'light' | 'dark' {
  if (choice !== 'system') return choice;
  return matchMedia('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

/** Applies and remembers a theme; ui/style.css keys its colours on `<html data-theme>`. */
export function applyTheme(choice: ThemeChoice = themeChoice()): void {
  if (choice === 'system') localStorage.removeItem(KEY);
  else localStorage.setItem(KEY, choice);
  document.documentElement.dataset.theme = effectiveTheme(choice);
}

/** Keeps "system" in step when the operating system switches. */
export function followSystemTheme(): void {
  matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
    if (themeChoice() === 'system') applyTheme('system');
  });
}
