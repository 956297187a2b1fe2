import type { Rule } from 'eslint';
import { importerOf, importProblem } from '../core/plugins/import-boundaries.js';

/** The parts of typescript-eslint's nodes the rule reads (ESLint's own types know no `importKind`). */
interface Source {
  type: string;
  value?: unknown;
  /** The string inside TSImportType's older `argument` (a literal type). */
  literal?: Source;
}
interface ImportNode {
  source?: Source | null;
  /** TSImportType: the source; older typescript-eslint versions only have `argument`. */
  argument?: Source;
  importKind?: 'type' | 'value';
  exportKind?: 'type' | 'value';
  specifiers?: { importKind?: 'type' | 'value'; exportKind?: 'type' | 'value' }[];
}

/** `import type`, `export type`, or every named part marked `type`: erased when compiled. */
function typeOnly(node: ImportNode): boolean {
  if (node.importKind === 'type' || node.exportKind === 'type') return true;
  const specifiers = node.specifiers ?? [];
  return specifiers.length > 0 && specifiers.every((s) => s.importKind === 'type' || s.exportKind === 'type');
}

/**
 * `workbench/import-boundaries`: core never imports plugins or ui/, ui/ never imports core, a plugin
 * imports only the plugin API (server) or the UI kit (ui/), contracts as types, packages and its own
 * files. Options: `{ root }`, the repository folder the layers are found in.
 */
export const importBoundaries: Rule.RuleModule = {
  meta: {
    type: 'problem',
    docs: { description: 'Keeps core, ui/ and plugins to the imports their layer allows' },
    schema: [{ type: 'object', properties: { root: { type: 'string' } }, required: ['root'], additionalProperties: false }],
    messages: { boundary: '{{problem}}' },
  },
  create(context) {
    const { root } = context.options[0] as { root: string };
    const importer = importerOf(root, context.filename);
    if (importer === undefined) return {};
    const check = (node: Rule.Node, source: Source | null | undefined, isType: boolean) => {
      if (source?.type !== 'Literal' || typeof source.value !== 'string') return;
      const problem = importProblem(importer, context.filename, source.value, isType);
      if (problem !== undefined) context.report({ node, messageId: 'boundary', data: { problem } });
    };
    const declaration = (node: Rule.Node) => check(node, (node as ImportNode).source, typeOnly(node as ImportNode));
    return {
      ImportDeclaration: declaration,
      ExportNamedDeclaration: declaration,
      ExportAllDeclaration: declaration,
      ImportExpression: (node: Rule.Node) => check(node, (node as ImportNode).source, false),
      // `import('…').T` in a type: checked like `import type`.
      TSImportType: (node: Rule.Node) => {
        const n = node as ImportNode;
        check(node, 'source' in n ? n.source : n.argument?.literal, true);
      },
    } as Rule.RuleListener;
  },
};

export const workbenchRules = { rules: { 'import-boundaries': importBoundaries } };
