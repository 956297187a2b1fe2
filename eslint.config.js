// ESLint (flat config). `npm run lint`; part of `npm test`.
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import tseslint from 'typescript-eslint';

const root = fileURLToPath(new URL('.', import.meta.url));

// The boundary rule is TypeScript and shares its rules with the core's plugin compile; Node 20
// cannot import .ts, so it is bundled on the fly (a few milliseconds).
const bundled = await build({
  entryPoints: [fileURLToPath(new URL('./eslint-rules/import-boundaries.ts', import.meta.url))],
  bundle: true,
  write: false,
  platform: 'node',
  format: 'esm',
  logLevel: 'silent',
});
const code = bundled.outputFiles[0].text;
const { workbenchRules } = await import(`data:text/javascript;base64,${Buffer.from(code).toString('base64')}`);
// `--cache` keeps results per configuration: a changed rule (or import rule) is a new version.
const workbench = { ...workbenchRules, meta: { name: 'workbench', version: createHash('sha256').update(code).digest('hex').slice(0, 12) } };

export default [
  { ignores: ['dist/**', 'node_modules/**', 'data/**', 'coverage/**', '.vitest-tmp/**', 'test-results/**', '**/*.js', '**/*.mjs'] },
  {
    files: ['**/*.ts'],
    languageOptions: { parser: tseslint.parser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { workbench },
    rules: { 'workbench/import-boundaries': ['error', { root }] },
  },
];
