import { createContext } from '@lit/context';
import type { PluginLoader } from './plugin-loader.js';

/** Shell-internal: the loader that fetches plugin UI modules on first use. */
export const loaderContext = createContext<PluginLoader>('wb-plugin-loader');
