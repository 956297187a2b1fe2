import type { LocalizedText } from '../kit/i18n.js';

/** `GET /api/workbench/contributions`: what each running plugin adds to the shell for this user. */
export interface PluginContributions {
  id: string;
  name: LocalizedText;
  version: string;
  /** URL of the plugin's browser module, or null when it has none. */
  ui: string | null;
  views: { id: string; title: LocalizedText; icon?: string; element: string; permission?: string; placement?: 'sidebar' | 'editor'; landing?: string[] }[];
  editors: { id: string; title: LocalizedText; element: string; opens: string; permission?: string }[];
  commands: { id: string; title: LocalizedText; keybinding?: string; permission?: string }[];
  widgets: { id: string; title?: LocalizedText; element: string }[];
  status: { id: string; element: string }[];
  importers: { id: string; title: LocalizedText; accepts: string[] }[];
  printables: { id: string; title: LocalizedText }[];
}

/** `GET /api/plugins` warnings: a keybinding or command id two running plugins claim. */
export interface PluginWarning {
  kind: 'keybinding' | 'command';
  key: string;
  plugins: string[];
  message: string;
}

/** `GET /api/plugins` rows. */
export interface PluginState {
  id: string;
  name: string;
  version: string | null;
  state: 'running' | 'failed' | 'disabled';
  /** Listed in config.yaml's plugins.enabled, so the owner may switch it on here. */
  allowed: boolean;
  reason: string | null;
  activationMs: number | null;
  activatedAt: string | null;
  requires: string[];
  optional: string[];
  provides: string[];
}
