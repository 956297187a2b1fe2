import { Hono } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { PluginHost } from '../plugins/plugin-host.js';
import type { CoreRouteAdder } from './core-route.js';

/** Keeps idle connections open through proxies and lets the server notice closed tabs. */
const KEEP_ALIVE_MS = 25_000;

/**
 * `GET /api/workbench/events`: server-sent events that tell each open workbench when the set of
 * running plugins changed (`event: plugins`), so it reloads its views, editors, commands and status
 * items without a page reload.
 */
export function registerShellEvents(add: CoreRouteAdder, host: PluginHost): void {
  add({
    method: 'get',
    path: '/workbench/events',
    authenticated: true,
    hidden: true,
    summary: { 'zh-CN': '界面变化通知（服务器推送事件）', en: 'Workbench change notices (server-sent events)' },
    handler: ({ raw }) => {
      // streamSSE needs a Hono context; a throwaway app gives one for this single response.
      const app = new Hono();
      app.get('*', (c) =>
        streamSSE(c, async (stream) => {
          let wake: (() => void) | undefined;
          let pending = false;
          const subscription = host.onDidChange(() => {
            pending = true;
            wake?.();
          });
          stream.onAbort(() => wake?.());
          await stream.writeSSE({ event: 'ready', data: '{}' });
          while (!stream.aborted && !stream.closed) {
            let timer: NodeJS.Timeout | undefined;
            await new Promise<void>((resolve) => {
              wake = resolve;
              timer = setTimeout(resolve, KEEP_ALIVE_MS);
              timer.unref();
            });
            clearTimeout(timer);
            wake = undefined;
            if (stream.aborted) break;
            if (pending) {
              pending = false;
              await stream.writeSSE({ event: 'plugins', data: JSON.stringify({ running: host.activationOrder() }) });
            } else {
              await stream.write(': keep-alive\n\n');
            }
          }
          subscription.dispose();
        }),
      );
      return Promise.resolve(app.fetch(raw));
    },
  });
}
