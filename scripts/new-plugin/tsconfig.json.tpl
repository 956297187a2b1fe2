{
  "extends": "__WORKBENCH__/tsconfig.json",
  "compilerOptions": {
    "baseUrl": "__WORKBENCH__",
    "paths": {
      "@workbench/plugin-api": ["./core/plugin-api.ts"],
      "@workbench/plugin-api/testing": ["./core/testing/index.ts"],
      "@workbench/ui": ["./ui/kit/index.ts"],
      "@workbench/contracts/*": ["./plugins/*/contracts.ts"],
      "*": ["./node_modules/@types/*", "./node_modules/*"]
    },
    "typeRoots": ["__WORKBENCH__/node_modules/@types"]
  },
  "include": ["server", "ui", "test"]
}
