import { Emitter } from './disposable.js';

export type NotificationKind = 'info' | 'success' | 'warning' | 'error';

export interface Notification {
  id: number;
  kind: NotificationKind;
  message: string;
  detail?: string;
  at: Date;
}

/** A long piece of work (an import, a wave) shown in the bottom panel while it runs. */
export interface Progress {
  id: string;
  title: string;
  done: number;
  total?: number;
  state: 'running' | 'done' | 'failed';
  message?: string;
}

/**
 * Toasts and the bottom panel's history. A toast disappears after a while; the history keeps the
 * last 200 so nothing a clerk was told is lost.
 *
 * @example
 * notifications.notify('success', '已保存');
 * notifications.error(error); // an ApiError shows its readable message
 */
export class Notifications {
  private next = 1;
  readonly items: Notification[] = [];
  readonly progress = new Map<string, Progress>();
  readonly onDidNotify = new Emitter<Notification>();
  readonly onDidChange = new Emitter<void>();

  notify(kind: NotificationKind, message: string, detail?: string): Notification {
    const item: Notification = { id: this.next++, kind, message, detail, at: new Date() };
    this.items.unshift(item);
    this.items.length = Math.min(this.items.length, 200);
    this.onDidNotify.fire(item);
    this.onDidChange.fire();
    return item;
  }

  /** Shows an error's message; anything unexpected is also logged for whoever looks at the console. */
  error(error: unknown): Notification {
    if (!(error instanceof Error) || error.name !== 'ApiError') console.error(error);
    const message = error instanceof Error ? error.message : String(error);
    return this.notify('error', message);
  }

  /** Starts or updates a progress entry. */
  report(progress: Progress): void {
    this.progress.set(progress.id, progress);
    this.onDidChange.fire();
  }

  clear(): void {
    this.items.length = 0;
    this.onDidChange.fire();
  }
}
