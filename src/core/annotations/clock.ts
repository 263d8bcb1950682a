// The library's hybrid logical clock: the time stamped on every change, local or incoming,
// so last-writer-wins merging orders a local edit after everything it was made on top of.
import { MAX_CLOCK_SKEW_MS, nextClockReading } from '../../shared/merge';

export class ChangeClock {
  /** The last time this clock gave out, in ms; -1 until first read from the store. */
  private lastIssued = -1;

  /** `latestChange`: the newest change time in the store, read once, on first use. */
  constructor(private readonly latestChange: () => string) {}

  /**
   * The time stamped on a change: wall-clock time, but never at or behind a time already
   * given out or seen in incoming data.
   */
  now(): string {
    this.lastIssued = nextClockReading(Date.now(), this.reading());
    return new Date(this.lastIssued).toISOString();
  }

  /**
   * Moves the clock past a time seen on incoming data, unless that time lies more than
   * MAX_CLOCK_SKEW_MS ahead of this computer's clock: one bad time from outside must not
   * push every later local time out of range.
   */
  observe(iso: string): void {
    const seen = Date.parse(iso);
    const reading = this.reading();
    if (Number.isFinite(seen) && seen > reading && seen <= Date.now() + MAX_CLOCK_SKEW_MS) this.lastIssued = seen;
  }

  /** The last time given out, first read from the store (and never trusted past the skew). */
  private reading(): number {
    if (this.lastIssued < 0)
      this.lastIssued = Math.min(Date.parse(this.latestChange()) || 0, Date.now() + MAX_CLOCK_SKEW_MS);
    return this.lastIssued;
  }
}
