import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';

/**
 * The public plugin API's surface, as docs/api/plugin-api.md records it: every export of
 * `@workbench/plugin-api` (core/plugin-api.ts) and `@workbench/ui` (ui/kit/index.ts) with its
 * declaration, and the API version each export (and each member added later) first appeared in.
 * `npm run api-report` rewrites the file; test/api-report.test.ts fails when the code and the
 * file differ.
 */

export const REPORT = join('docs', 'api', 'plugin-api.md');

export const MODULES = [
  { specifier: '@workbench/plugin-api', file: join('core', 'plugin-api.ts') },
  { specifier: '@workbench/plugin-api/testing', file: join('core', 'testing', 'index.ts') },
  { specifier: '@workbench/ui', file: join('ui', 'kit', 'index.ts') },
] as const;

/** One export: its declaration as lines (first line names it), members' lines after. */
export interface Entry {
  module: string;
  name: string;
  lines: string[];
  since?: string;
  /** Per member line (by its text), the version it was added in when later than the export. */
  memberSince: Map<string, string>;
}

export interface Surface {
  version: string;
  entries: Map<string, Entry>;
  /** `export … from '<package>'` statements, recorded as written. */
  packages: Map<string, string[]>;
}

const key = (module: string, name: string) => `${module} ${name}`;
const squash = (text: string) => text.replace(/\s+/g, ' ').replace(/ ?; ?$/, '').trim();

function isPublicMember(member: ts.ClassElement): boolean {
  if (member.name && ts.isPrivateIdentifier(member.name)) return false;
  const flags = ts.getCombinedModifierFlags(member as unknown as ts.Declaration);
  return (flags & ts.ModifierFlags.Private) === 0;
}

function entryLines(checker: ts.TypeChecker, printer: ts.Printer, name: string, symbol: ts.Symbol): string[] {
  const decl = symbol.declarations![0]!;
  const source = decl.getSourceFile();
  const print = (node: ts.Node) => squash(printer.printNode(ts.EmitHint.Unspecified, node, source));
  if (ts.isInterfaceDeclaration(decl)) {
    const head = print(ts.factory.updateInterfaceDeclaration(decl, undefined, decl.name, decl.typeParameters, decl.heritageClauses, [])).replace(/ ?\{ ?\}$/, '');
    return [`${head} {`, ...decl.members.map((m) => `  ${print(m)};`), '}'];
  }
  if (ts.isClassDeclaration(decl)) {
    const head = `${decl.modifiers?.some((m) => m.kind === ts.SyntaxKind.AbstractKeyword) ? 'abstract ' : ''}class ${name}${decl.typeParameters ? `<${decl.typeParameters.map(print).join(', ')}>` : ''}${decl.heritageClauses ? ` ${decl.heritageClauses.map(print).join(' ')}` : ''}`;
    const members = decl.members.filter(isPublicMember).map((m) => {
      // Declarations only: bodies and initialisers are not the surface.
      if (ts.isMethodDeclaration(m) || ts.isConstructorDeclaration(m) || ts.isGetAccessorDeclaration(m) || ts.isSetAccessorDeclaration(m)) {
        const text = print(m);
        const body = text.indexOf(' {');
        return `  ${body >= 0 ? text.slice(0, body) : text};`;
      }
      if (ts.isPropertyDeclaration(m)) {
        const type = m.type ? print(m.type) : checker.typeToString(checker.getTypeAtLocation(m), undefined, ts.TypeFormatFlags.NoTruncation);
        const mods = (ts.getModifiers(m) ?? []).map(print).join(' ');
        return `  ${mods ? `${mods} ` : ''}${print(m.name)}${m.questionToken ? '?' : ''}: ${type};`;
      }
      return `  ${print(m)};`;
    });
    return [`${head} {`, ...members, '}'];
  }
  if (ts.isTypeAliasDeclaration(decl) || ts.isEnumDeclaration(decl)) return [print(decl).replace(/^export /, '').replace(/^declare /, '')];
  if (ts.isFunctionDeclaration(decl)) {
    const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
    return type.getCallSignatures().map((s) => `function ${name}${checker.signatureToString(s, undefined, ts.TypeFormatFlags.NoTruncation)}`);
  }
  const type = checker.getTypeOfSymbolAtLocation(symbol, decl);
  return [`const ${name}: ${checker.typeToString(type, undefined, ts.TypeFormatFlags.NoTruncation)}`];
}

/** The surface as the code declares it today (since values are not known to the code). */
export function currentSurface(root: string): Surface {
  const config = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} })!;
  const program = ts.createProgram({ rootNames: MODULES.map((m) => join(root, m.file)), options: config.options });
  const checker = program.getTypeChecker();
  const printer = ts.createPrinter({ removeComments: true });
  const entries = new Map<string, Entry>();
  const packages = new Map<string, string[]>();
  for (const module of MODULES) {
    const source = program.getSourceFile(join(root, module.file))!;
    packages.set(
      module.specifier,
      source.statements
        .filter((s): s is ts.ExportDeclaration => ts.isExportDeclaration(s) && !!s.moduleSpecifier && ts.isStringLiteral(s.moduleSpecifier) && !s.moduleSpecifier.text.startsWith('.'))
        .map((s) => squash(printer.printNode(ts.EmitHint.Unspecified, s, source))),
    );
    const exports = checker.getExportsOfModule(checker.getSymbolAtLocation(source)!);
    for (const exported of [...exports].sort((a, b) => a.name.localeCompare(b.name))) {
      const symbol = exported.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(exported) : exported;
      const decl = symbol.declarations?.[0];
      if (!decl || decl.getSourceFile().fileName.includes('/node_modules/')) continue;
      entries.set(key(module.specifier, exported.name), { module: module.specifier, name: exported.name, lines: entryLines(checker, printer, exported.name, symbol), memberSince: new Map() });
    }
  }
  const version = /PLUGIN_API_VERSION = '([^']+)'/.exec(readFileSync(join(root, 'core', 'version.ts'), 'utf8'))![1]!;
  return { version, entries, packages };
}

const SINCE = / \/\/ since (\S+)$/;

/** The surface as docs/api/plugin-api.md records it. */
export function recordedSurface(text: string): Surface {
  const version = /^Plugin API version: `([^`]+)`/m.exec(text)?.[1] ?? '';
  const entries = new Map<string, Entry>();
  const packages = new Map<string, string[]>();
  let module = '';
  let current: Entry | undefined;
  let since: string | undefined;
  for (const line of text.split('\n')) {
    const heading = /^## `(.+)`$/.exec(line);
    if (heading) {
      module = heading[1]!;
      packages.set(module, []);
      continue;
    }
    if (line.startsWith('export ') && line.includes(' from ')) {
      packages.get(module)?.push(line);
      continue;
    }
    const sinceLine = /^\/\/ since (\S+)$/.exec(line);
    if (sinceLine) {
      since = sinceLine[1];
      current = undefined;
      continue;
    }
    if (line.startsWith('```') || line === '') {
      current = undefined;
      continue;
    }
    if (since !== undefined && current === undefined) {
      const name = /^(?:abstract )?(?:interface|class|type|enum|function|const|let) ([A-Za-z_$][\w$]*)/.exec(line)?.[1];
      if (!name) continue;
      current = entries.get(key(module, name)) ?? { module, name, lines: [], since, memberSince: new Map() };
      entries.set(key(module, name), current);
      since = undefined;
    }
    if (current) {
      const member = SINCE.exec(line);
      const plain = line.replace(SINCE, '');
      if (member) current.memberSince.set(plain, member[1]!);
      current.lines.push(plain);
    }
  }
  return { version, entries, packages };
}

/** The report's text: `current` with since values from `recorded`, new ones at `current.version`. */
export function renderReport(current: Surface, recorded: Surface | undefined): string {
  const out = [
    '# Plugin API report',
    '',
    '<!-- Written by `npm run api-report` from core/plugin-api.ts and ui/kit/index.ts; test/api-report.test.ts compares it with the code. -->',
    '',
    `Plugin API version: \`${current.version}\` (core/version.ts). Each export says the version it first appeared in, and`,
    'members added later say theirs; a plugin\'s `engine` range must start at or above every version it uses.',
    '',
  ];
  for (const module of MODULES) {
    out.push(`## \`${module.specifier}\``, '');
    const packages = current.packages.get(module.specifier) ?? [];
    if (packages.length > 0) out.push('Packages it passes on, as their own versions define them:', '', ...packages, '');
    out.push('```ts');
    const entries = [...current.entries.values()].filter((e) => e.module === module.specifier);
    entries.forEach((entry, i) => {
      const before = recorded?.entries.get(key(entry.module, entry.name));
      const since = before?.since ?? current.version;
      if (i > 0) out.push('');
      out.push(`// since ${since}`);
      entry.lines.forEach((line, j) => {
        const member = j > 0 && j < entry.lines.length - 1;
        // A member the recorded entry did not have arrived with this version.
        const memberSince = before?.memberSince.get(line) ?? (member && before && !before.lines.includes(line) ? current.version : undefined);
        out.push(memberSince && memberSince !== since ? `${line} // since ${memberSince}` : line);
      });
    });
    out.push('```', '');
  }
  return out.join('\n');
}

export interface SurfaceChange {
  added: string[];
  removed: string[];
  changed: string[];
  /** True when something was removed or changed: the major version must go up. */
  breaking: boolean;
}

/**
 * A signature with its trailing optional parameters left out: `f(a: A, b?: B): R;` → `f(a: A): R;`.
 * A member whose only change is such parameters still accepts every call written before it.
 */
function withoutOptionalParameters(line: string): string {
  return line.replace(/(?:,\s*\w+\?: [^,()]+)+(?=\)[^()]*$)/, '');
}

/** What differs between the recorded surface and the code's, by export. */
export function compareSurfaces(recorded: Surface, current: Surface): SurfaceChange {
  const added: string[] = [];
  const removed: string[] = [];
  const changed: string[] = [];
  let breaking = false;
  for (const [k, entry] of current.entries) {
    const before = recorded.entries.get(k);
    if (!before) added.push(`${entry.module}: ${entry.name}`);
    else if (before.lines.join('\n') !== entry.lines.join('\n')) {
      const gone = before.lines.filter((l) => !entry.lines.includes(l));
      const fresh = entry.lines.filter((l) => !before.lines.includes(l));
      changed.push(`${entry.module}: ${entry.name} (${[...gone.map((l) => `- ${l.trim()}`), ...fresh.map((l) => `+ ${l.trim()}`)].join('; ')})`);
      // The version constant changes with every bump; the report's header records it.
      const versionOnly = entry.name === 'PLUGIN_API_VERSION';
      if (!versionOnly && gone.some((line) => !fresh.some((f) => withoutOptionalParameters(f) === line))) breaking = true;
    }
  }
  for (const [k, entry] of recorded.entries) if (!current.entries.has(k)) removed.push(`${entry.module}: ${entry.name}`);
  for (const module of MODULES) {
    const was = recorded.packages.get(module.specifier) ?? [];
    const now = current.packages.get(module.specifier) ?? [];
    for (const p of now) if (!was.includes(p)) added.push(`${module.specifier}: ${p}`);
    for (const p of was) if (!now.includes(p)) removed.push(`${module.specifier}: ${p}`);
  }
  if (removed.length > 0) breaking = true;
  return { added, removed, changed, breaking };
}
