import type { FieldProblem } from './api-error.js';

/** A browser validator the server generated from its own schema (see core/schemas/browser-validator.ts). */
export type Validate = (data: unknown, locale: string) => FieldProblem[];

const loaded = new Map<string, Promise<Validate>>();

/**
 * Loads the validator module at `url` once per page. It is plain JavaScript served by the
 * workbench itself, so the strict Content-Security-Policy (no eval) holds.
 */
export function loadValidator(url: string): Promise<Validate> {
  let pending = loaded.get(url);
  if (!pending) {
    pending = (import(/* @vite-ignore */ url) as Promise<{ validate: Validate }>).then((m) => m.validate);
    pending.catch(() => loaded.delete(url));
    loaded.set(url, pending);
  }
  return pending;
}
