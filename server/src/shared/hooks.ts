/**
 * Typed hooks through which a low module announces a change that modules above it must follow,
 * inside the same transaction (ARCHITECTURE.md, "the module graph"): the low module calls
 * `announce`, and the top layer (bootstrap.ts) subscribes the higher modules once at start. The
 * low module never learns who listens, so the import graph keeps pointing downward.
 */
import type { StaffActor } from '../access/actor.ts';
import type { DbOrTx } from '../db/create-db.ts';
import type { Deps } from './deps.ts';

export interface HookEvents {
  /**
   * A working-day calendar changed on `date` (national when `agencyId` is null, else local to that
   * agency's subtree) and the stored deadlines were recomputed; records that keep their own copy of a
   * deadline (e.g. an item's 《政府信息公开条例》第二十六条 publication due date) bring it in line.
   */
  calendarChanged: {
    date: string;
    agencyId: number | null;
    ctx: { actor: StaffActor | null; ip?: string | null };
  };
}

type Handler<E> = (deps: Deps, tx: DbOrTx, event: E) => Promise<unknown>;

const handlers: { [K in keyof HookEvents]: Handler<HookEvents[K]>[] } = { calendarChanged: [] };

/** Adds a handler (the top layer does this once per process; adding the same handler twice is a no-op). */
export function subscribe<K extends keyof HookEvents>(name: K, handler: Handler<HookEvents[K]>): void {
  const list = handlers[name] as Handler<HookEvents[K]>[];
  if (!list.includes(handler)) list.push(handler);
}

/** Runs every handler of `name` in order, inside the caller's transaction. */
export async function announce<K extends keyof HookEvents>(
  deps: Deps,
  tx: DbOrTx,
  name: K,
  event: HookEvents[K],
): Promise<void> {
  for (const handler of handlers[name] as Handler<HookEvents[K]>[]) await handler(deps, tx, event);
}
