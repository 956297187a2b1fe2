// The core's schema builders, under the names every listings area imports.
export { DEFS, ref, def, nullable, ID_PARAMS, visibleText } from '@workbench/plugin-api';
