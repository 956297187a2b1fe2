import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';

export interface DiscoveredPlugin {
  /** Absolute folder of the plugin. */
  dir: string;
  /** The folder's name, used as the plugin's name until its manifest is read. */
  folderName: string;
}

async function isFile(path: string): Promise<boolean> {
  return stat(path).then(
    (s) => s.isFile(),
    () => false,
  );
}

/**
 * Finds plugin folders: a root that holds a `plugin.yaml` is one plugin; otherwise every direct
 * subfolder with a `plugin.yaml` is. Missing roots are reported, not fatal.
 */
export async function discoverPlugins(roots: string[]): Promise<{ found: DiscoveredPlugin[]; missingRoots: string[] }> {
  const found: DiscoveredPlugin[] = [];
  const missingRoots: string[] = [];
  for (const root of roots) {
    if (await isFile(join(root, 'plugin.yaml'))) {
      found.push({ dir: root, folderName: root.split(/[\\/]/).pop() ?? root });
      continue;
    }
    let entries;
    try {
      entries = await readdir(root, { withFileTypes: true });
    } catch {
      missingRoots.push(root);
      continue;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      if (!entry.isDirectory()) continue;
      const dir = join(root, entry.name);
      if (await isFile(join(dir, 'plugin.yaml'))) found.push({ dir, folderName: entry.name });
    }
  }
  return { found, missingRoots };
}
