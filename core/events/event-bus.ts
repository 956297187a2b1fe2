import { toDisposable, type Disposable } from '../lifecycle/disposable.js';
import type { Database } from '../db/database.js';
import type { EventContext } from '../plugins/context.js';

type Handler = (payload: unknown, context: EventContext) => Promise<void> | void;

/** Raised when an event is emitted outside a transaction. */
export class EventOutsideTransactionError extends Error {}

/**
 * Domain events dispatched inside the emitting transaction: every handler runs, in the order it
 * subscribed, before `emit` resolves. If one throws, the transaction is marked rollback-only, so a
 * cross-plugin effect commits or rolls back with its cause even if the emitter catches the error.
 */
export class EventBus {
  private readonly handlers = new Map<string, { owner: string; handler: Handler }[]>();

  constructor(private readonly db: Database) {}

  on(owner: string, name: string, handler: Handler): Disposable {
    const list = this.handlers.get(name) ?? [];
    const entry = { owner, handler };
    list.push(entry);
    this.handlers.set(name, list);
    return toDisposable(() => {
      const current = this.handlers.get(name) ?? [];
      this.handlers.set(
        name,
        current.filter((e) => e !== entry),
      );
    });
  }

  async emit(source: string, name: string, payload: unknown): Promise<void> {
    const tx = this.db.currentTransaction();
    if (!tx) {
      throw new EventOutsideTransactionError(`event ${name} must be emitted inside db.transaction(), so that its effects commit together`);
    }
    for (const { owner, handler } of [...(this.handlers.get(name) ?? [])]) {
      try {
        await handler(payload, { tx, source });
      } catch (error) {
        tx.setRollbackOnly(error);
        if (error instanceof Error) error.message = `${error.message} (while ${owner} handled ${name})`;
        throw error;
      }
    }
  }
}
