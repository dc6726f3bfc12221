/** Where the emulator reads the time: real time, or a clock that tests move by hand. */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export const realClock: Clock = { now: () => Date.now() };

/**
 * A clock that only moves when told to, so tests can step through deployments without sleeping.
 * It starts at a fixed instant so timestamps in test output are the same on every run.
 */
export class ManualClock implements Clock {
  private current: number;

  constructor(start = Date.UTC(2024, 0, 1)) {
    this.current = start;
  }

  now(): number {
    return this.current;
  }

  advance(ms: number): void {
    if (!(ms >= 0)) {
      throw new Error(`ManualClock.advance needs a non-negative number of milliseconds, got ${ms}`);
    }
    this.current += ms;
  }
}
