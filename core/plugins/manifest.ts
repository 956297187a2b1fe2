import type { LocalizedText } from '../i18n/localized-text.js';

/** A contributed UI element (widget, status item). */
export interface ElementContribution {
  id: string;
  title?: LocalizedText;
  element: string;
  /** Only people holding this permission see it. */
  permission?: string;
}
export interface ViewContribution extends ElementContribution {
  title: LocalizedText;
  icon?: string;
  /** `editor`: a work list or station that opens as a full-width tab; the side bar then lists the plugin's work lists and saved searches. */
  placement?: 'sidebar' | 'editor';
  /** Role ids whose members start here after login when all their roles are listed (e.g. the warehouse staff on the stations). */
  landing?: string[];
}
export interface EditorContribution extends ElementContribution {
  opens: string;
}
export interface CommandContribution {
  id: string;
  title: LocalizedText;
  keybinding?: string;
  permission?: string;
}
export interface ImporterContribution {
  id: string;
  title: LocalizedText;
  accepts: string[];
  permission: string;
}
export interface PrintableContribution {
  id: string;
  title: LocalizedText;
  permission: string;
}

/** `plugin.yaml`, after validation against `schemas/plugin-manifest.schema.json` (defaults filled). */
export interface PluginManifest {
  id: string;
  version: string;
  engine: string;
  name: LocalizedText;
  description?: LocalizedText;
  main: string;
  /** Browser entry; the plugin has no UI when the file does not exist. */
  ui: string;
  requires: string[];
  optional: string[];
  provides: string[];
  permissions: { id: string; name: LocalizedText }[];
  /** Built-in role id → which of this plugin's own permissions that role gets by default. */
  roles: Record<string, string[]>;
  settings?: string;
  contributes: {
    views: ViewContribution[];
    editors: EditorContribution[];
    commands: CommandContribution[];
    widgets: ElementContribution[];
    status: ElementContribution[];
    importers: ImporterContribution[];
    printables: PrintableContribution[];
  };
}
