import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { expect, test } from 'vitest';
import { ROOT } from './helpers/server.js';

/** Every .ts file under a folder (skipping node_modules). */
function sources(dir: string): string[] {
  let out: string[] = [];
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out = out.concat(sources(path));
    else if (name.endsWith('.ts')) out.push(path);
  }
  return out;
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:^|\n)\s*(?:import|export)[^'"\n]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => (m[1] ?? m[2])!);
}

/** The top-level folder an import lands in, or undefined for packages and node builtins. */
function target(file: string, specifier: string): string | undefined {
  if (!specifier.startsWith('.')) return undefined;
  return relative(ROOT, resolve(file, '..', specifier));
}

test('core never imports plugins, ui or tests', () => {
  const bad = sources(join(ROOT, 'core'))
    .filter((f) => !f.endsWith('.test.ts'))
    .flatMap((f) => imports(f).map((s) => ({ f, s, t: target(f, s) })))
    .filter(({ t }) => t !== undefined && !t.startsWith(`core${sep}`) && !t.startsWith(`schemas${sep}`));
  expect(bad.map(({ f, s }) => `${relative(ROOT, f)} imports ${s}: core may import only core/ and schemas/`)).toEqual([]);
});

test('plugins import only the plugin API (server) or the UI kit (ui/), packages and their own files', () => {
  const roots = [join(ROOT, 'plugins'), join(ROOT, 'test', 'fixtures', 'plugins')];
  const bad: string[] = [];
  for (const root of roots) {
    for (const file of sources(root)) {
      const [own, part] = relative(root, file).split(sep);
      // A plugin's browser code (ui/) builds on the UI kit; everything else on the plugin API.
      const api = part === 'ui' ? '@workbench/ui' : '@workbench/plugin-api';
      for (const s of imports(file)) {
        const t = target(file, s);
        // A plugin's own tests (test/) may also use the repository's test harness (test/helpers/).
        const harness = part === 'test' && t !== undefined && t.startsWith(join('test', 'helpers') + sep);
        const inside = harness || (t === undefined ? !s.startsWith('/') : t.startsWith(relative(ROOT, join(root, own!)) + sep));
        // …and the plugin test kit, which is for tests only.
        const kit = part === 'test' && s === '@workbench/plugin-api/testing';
        if (s.startsWith('@workbench/') && s !== api && !kit) bad.push(`${relative(ROOT, file)} imports ${s}: its ${part === 'ui' ? 'ui/' : 'server'} code may use only ${api}`);
        else if (!inside) bad.push(`${relative(ROOT, file)} imports ${s}: a plugin may import only @workbench/plugin-api, packages and files in its own folder`);
      }
    }
  }
  expect(bad).toEqual([]);
});

test('the browser code never imports server code', () => {
  const bad = sources(join(ROOT, 'ui'))
    .flatMap((f) => imports(f).map((s) => ({ f, s, t: target(f, s) })))
    .filter(({ s, t }) => s.startsWith('@workbench/plugin-api') || (t !== undefined && !t.startsWith(`ui${sep}`) && !t.startsWith(`schemas${sep}`)));
  expect(bad.map(({ f, s }) => `${relative(ROOT, f)} imports ${s}: ui may import only ui/ and schemas/`)).toEqual([]);
});

test('the checks above do notice a forbidden import', () => {
  // Guards the regexes: a file importing a plugin from core must be caught.
  const fake = join(ROOT, 'core', 'fake.ts');
  expect(target(fake, '../plugins/listings/server/index.js')).toBe(join('plugins', 'listings', 'server', 'index.js'));
  expect(imports(join(ROOT, 'test', 'fixtures', 'plugins', 'example', 'server', 'index.ts'))).toContain('@workbench/plugin-api');
});
