import 'reflect-metadata';

/**
 * Injection tokens of the core. esbuild emits no decorator metadata, so every constructor
 * parameter names its token with `@inject(TOKENS.X)`; nothing relies on parameter types.
 */
export const TOKENS = {
  Config: Symbol('Config'),
  RootDir: Symbol('RootDir'),
  Logger: Symbol('Logger'),
  Schemas: Symbol('Schemas'),
  Settings: Symbol('Settings'),
  ContextDeps: Symbol('ContextDeps'),
} as const;
