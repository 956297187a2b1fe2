import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readMigrationFolder, type Migration } from '../db/migrations.js';
import { writePluginModule } from './compile-plugin.js';
import { compilePluginUi, type PluginUiModule } from './compile-plugin-ui.js';
import type { PluginManifest } from './manifest.js';

/**
 * The files a plugin's start reads before its code runs: its migrations, its browser module and
 * its server module (built, or found kept, and written to the cache). Each is a promise of its
 * own, started at once: the host starts them for every plugin before activating the first, so
 * reading and bundling overlap the plugins activating before. The host awaits them in the order a
 * start always took them, so a plugin that cannot start fails with the same reason as before.
 */
export interface PluginFiles {
  migrations: Promise<Migration[]>;
  /** undefined: the plugin has no browser module. */
  ui: Promise<PluginUiModule | undefined>;
  /** The server module's file in the cache; undefined: the plugin has no server entry. */
  serverModule: Promise<string | undefined>;
}

export interface PluginFolders {
  /** Where bundles are kept between starts. */
  builds: string;
  /** Where server modules are written for Node to import. */
  modules: string;
}

/** Starts reading `manifest`'s files from `dir`; see PluginFiles. */
export function readPluginFiles(manifest: PluginManifest, dir: string, folders: PluginFolders): PluginFiles {
  const uiEntry = join(dir, manifest.ui);
  const entry = join(dir, manifest.main);
  const files: PluginFiles = {
    migrations: readMigrationFolder(join(dir, 'migrations')),
    ui: existsSync(uiEntry) ? compilePluginUi(uiEntry, dir, folders.builds) : Promise.resolve(undefined),
    serverModule: existsSync(entry) ? writePluginModule(entry, dir, folders.modules, manifest.id, folders.builds) : Promise.resolve(undefined),
  };
  // A failure is reported when the host awaits it, in its turn; until then (or if the plugin
  // never gets its turn) it must not count as unhandled.
  for (const pending of Object.values(files) as Promise<unknown>[]) pending.catch(() => undefined);
  return files;
}
