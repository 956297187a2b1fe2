// The core's schema builders, under the names every listings area imports.
export { DEFS, ref, def, nullable, ID_PARAMS } from '@workbench/plugin-api';
