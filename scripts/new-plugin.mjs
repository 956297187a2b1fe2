// Writes a new plugin that runs and passes its own tests at once:
//   npm run new-plugin -- <id> [--dir <folder>]
// The plugin goes to <folder>/<id> (default: this workbench's plugins/). The templates are in
// scripts/new-plugin/; each `.tpl` file is written without that suffix, with the names filled in.
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const TEMPLATES = join(ROOT, 'scripts', 'new-plugin');
const USAGE = 'usage: npm run new-plugin -- <id> [--dir <folder>]';

function fail(message, code = 2) {
  console.error(message);
  process.exit(code);
}

/** The manifest's own rule for ids (schemas/plugin-manifest.schema.json), so the two never differ. */
function idProblem(id) {
  const rule = JSON.parse(readFileSync(join(ROOT, 'schemas', 'plugin-manifest.schema.json'), 'utf8')).properties.id;
  if (id.length < rule.minLength || id.length > rule.maxLength) return `the id must have ${rule.minLength}–${rule.maxLength} characters`;
  if (!new RegExp(rule.pattern).test(id)) return `the id must be lower-case letters and digits, single dashes between them, starting with a letter (${rule.pattern})`;
  if (rule.not.enum.includes(id)) return `"${id}" is reserved by the workbench (${rule.not.enum.join(', ')})`;
  return undefined;
}

const args = process.argv.slice(2);
let id;
let dir;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--dir') dir = args[++i] ?? fail(USAGE);
  else if (id === undefined) id = args[i];
  else fail(USAGE);
}
if (!id) fail(USAGE);
const problem = idProblem(id);
if (problem) fail(`cannot write plugin "${id}": ${problem}`);

// npm runs scripts in the workbench folder; INIT_CWD is where `npm run` was typed.
const parent = dir === undefined ? join(ROOT, 'plugins') : resolve(process.env.INIT_CWD ?? process.cwd(), dir);
const folder = join(parent, id);
if (existsSync(folder)) fail(`cannot write plugin "${id}": ${folder} already exists; choose another id or folder`);

const engine = `^${/PLUGIN_API_VERSION = '(\d+\.\d+)\.\d+'/.exec(readFileSync(join(ROOT, 'core', 'version.ts'), 'utf8'))[1]}.0`;
const inside = folder.startsWith(ROOT + sep);
const names = {
  __ID__: id,
  __TABLE__: id.replaceAll('-', '_'),
  __TAG__: `wb-${id}-notes`,
  __CLASS__: id.split('-').map((part) => part[0].toUpperCase() + part.slice(1)).join(''),
  __ENGINE__: engine,
  __WORKBENCH__: ROOT.split(sep).join('/'),
  __FOLDER__: inside ? relative(ROOT, folder).split(sep).join('/') : folder.split(sep).join('/'),
};
const fill = (text) => text.replace(/__(ID|TABLE|TAG|CLASS|ENGINE|WORKBENCH|FOLDER)__/g, (name) => names[name]);

async function templates(from) {
  const found = [];
  for (const entry of await readdir(from, { withFileTypes: true })) {
    const path = join(from, entry.name);
    if (entry.isDirectory()) found.push(...(await templates(path)));
    else if (entry.name.endsWith('.tpl')) found.push(path);
  }
  return found;
}

const written = [];
for (const template of await templates(TEMPLATES)) {
  const target = relative(TEMPLATES, template).slice(0, -'.tpl'.length);
  // Inside the workbench the root tsconfig.json already covers plugins/.
  if (target === 'tsconfig.json' && inside) continue;
  await mkdir(dirname(join(folder, target)), { recursive: true });
  await writeFile(join(folder, target), fill(await readFile(template, 'utf8')));
  written.push(target);
}
console.log(`wrote plugin ${id} to ${folder}:\n  ${written.sort().join('\n  ')}`);
console.log(
  inside
    ? `\nIt is installed. Run its tests: npx vitest run ${names.__FOLDER__}`
    : `\nInstall it: add ${parent.split(sep).join('/')} to plugins.folders in config.yaml.\nRun its tests: npm run test-plugin -- ${names.__FOLDER__}`,
);
