import type { Config } from '../config/config.ts';
import type { Db, DbHandle } from '../db/create-db.ts';
import type { Clock } from './clock.ts';

/** What services need from the outside world; built once in main.ts / tests and passed down. */
export interface Deps {
  readonly handle: DbHandle;
  readonly db: Db;
  readonly dialect: 'sqlite' | 'postgres';
  readonly clock: Clock;
  readonly config: Config;
}

export function makeDeps(handle: DbHandle, config: Config, clock: Clock): Deps {
  return { handle, db: handle.db, dialect: handle.dialect, clock, config };
}
