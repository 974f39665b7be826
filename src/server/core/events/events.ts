import type { RequestContext } from '../access/context';
import type { Trx } from '../db/database';
import type { Deps } from '../deps';

/**
 * The domain events of the platform, by name. Each module declares its own events by augmenting this interface in
 * its `index.ts` (`declare module '../../core/events/events' { interface DomainEvents { … } }`), so publishers and
 * subscribers agree on the payload without importing each other.
 */
// biome-ignore lint/suspicious/noEmptyInterface: filled by declaration merging, one block per publishing module
export interface DomainEvents {}

export type EventName = keyof DomainEvents;

/** What a handler receives: the transaction of the change, the app's dependencies, who caused it, and the event. */
export type EventHandler<E extends EventName> = (trx: Trx, deps: Deps, ctx: RequestContext, event: DomainEvents[E]) => Promise<void>;

/** An after-commit handler: the change is durable; the handler opens its own transactions if it writes. */
export type AfterCommitHandler<E extends EventName> = (deps: Deps, ctx: RequestContext, event: DomainEvents[E]) => Promise<void>;

/**
 * A module's reaction to one event. `inTransaction` runs inside the publisher's transaction, so it commits or rolls
 * back with the change (use it when the two must agree, e.g. values written on acceptance); `afterCommit` runs once
 * the change is committed and its failure does not undo it (notices, drafts that can be made again).
 */
export interface Subscription<E extends EventName> {
  inTransaction?: EventHandler<E>;
  afterCommit?: AfterCommitHandler<E>;
}

export type Subscriptions = { [E in EventName]?: Subscription<E> };

type Log = (message: string, err: unknown) => void;

/** A typed in-process event bus; the platform builds one from the module list. */
export class EventBus {
  private readonly handlers = new Map<EventName, { subscriber: string; subscription: Subscription<EventName> }[]>();
  private readonly subscribers = new Set<string>();
  private readonly pending = new WeakMap<Trx, (() => Promise<void>)[]>();

  constructor(private readonly log: Log = (message, err) => console.error(message, err)) {}

  /** Adds a module's subscriptions, in module order; a module that has subscribed already is skipped (apps built twice). */
  subscribe(moduleName: string, subscriptions: Subscriptions): void {
    if (this.subscribers.has(moduleName)) return;
    this.subscribers.add(moduleName);
    for (const [name, subscription] of Object.entries(subscriptions) as [EventName, Subscription<EventName>][]) {
      this.handlers.set(name, [...(this.handlers.get(name) ?? []), { subscriber: moduleName, subscription }]);
    }
  }

  /** Removes a subscriber's subscriptions (a test's own subscriber, when its app closes). */
  unsubscribe(moduleName: string): void {
    if (!this.subscribers.delete(moduleName)) return;
    for (const [name, list] of this.handlers)
      this.handlers.set(
        name,
        list.filter((h) => h.subscriber !== moduleName),
      );
  }

  /**
   * Publishes an event from inside a transaction opened by `transaction()`: the in-transaction handlers run now, in
   * module order; the after-commit ones are queued until the transaction commits (and dropped if it rolls back).
   */
  async publish<E extends EventName>(trx: Trx, deps: Deps, ctx: RequestContext, name: E, event: DomainEvents[E]): Promise<void> {
    const subscriptions = (this.handlers.get(name) ?? []).map((h) => h.subscription) as Subscription<E>[];
    for (const s of subscriptions) if (s.inTransaction) await s.inTransaction(trx, deps, ctx, event);
    const later = subscriptions.flatMap((s) => (s.afterCommit ? [s.afterCommit] : []));
    if (!later.length) return;
    const queue = this.pending.get(trx);
    if (!queue) throw new Error(`event ${name} has after-commit handlers: publish it inside events.transaction()`);
    for (const handler of later) queue.push(() => handler(deps, ctx, event));
  }

  /** Runs `fn` in a transaction and then the after-commit handlers of the events it published; returns fn's result. */
  async transaction<T>(deps: Deps, fn: (trx: Trx) => Promise<T>): Promise<T> {
    const queue: (() => Promise<void>)[] = [];
    const result = await deps.db.transaction().execute((trx) => {
      this.pending.set(trx, queue);
      return fn(trx);
    });
    for (const run of queue) {
      try {
        await run();
      } catch (err) {
        this.log('after-commit event handler failed', err);
      }
    }
    return result;
  }
}

/** The platform's bus: the module list subscribes at start (see `platform.ts`); services publish through it. */
export const events = new EventBus();
