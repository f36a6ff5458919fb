/**
 * Time is injected (house style rule 9): domain code never reads the wall clock.
 * Dates in the domain are civil dates in Beijing time (UTC+8, no DST); instants are ISO strings in UTC.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

export function fixedClock(
  iso: string | Date,
): Clock & { set(iso: string | Date): void; advance(ms: number): void } {
  let t = new Date(iso);
  return {
    now: () => new Date(t.getTime()),
    set(v) {
      t = new Date(v);
    },
    advance(ms) {
      t = new Date(t.getTime() + ms);
    },
  };
}

/**
 * A clock that starts at `startIso` and then advances in real time (browser tests of journeys that
 * span weeks of statutory working days, with calendar data for the chosen year).
 */
export function offsetClock(startIso: string | Date, base: Clock = systemClock): Clock {
  const offset = new Date(startIso).getTime() - base.now().getTime();
  return { now: () => new Date(base.now().getTime() + offset) };
}

const BEIJING_OFFSET_MS = 8 * 60 * 60 * 1000;

/** The civil date (YYYY-MM-DD) in China Standard Time of an instant. */
export function chinaDate(instant: Date): string {
  return new Date(instant.getTime() + BEIJING_OFFSET_MS).toISOString().slice(0, 10);
}

export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}
