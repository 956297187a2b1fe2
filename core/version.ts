/** The workbench's own version, shown by /api/health. */
export const WORKBENCH_VERSION = '1.0.0';
/**
 * The version of the plugin API (`core/plugin-api.ts`). A plugin's `engine` range must accept it.
 * Raise the minor for additions, the major for anything that can break a plugin.
 */
export const PLUGIN_API_VERSION = '1.7.0';
