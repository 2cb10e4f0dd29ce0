/**
 * Slows password guessing: after 5 failures for one username (or one client) within
 * 15 minutes, further attempts are refused until the window passes.
 */
export class LoginThrottle {
  private failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures = 5,
    private readonly windowMs = 15 * 60_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Seconds until the key may try again, or 0. */
  retryAfter(key: string): number {
    const recent = this.recent(key);
    if (recent.length < this.maxFailures) return 0;
    return Math.ceil((recent[0]! + this.windowMs - this.now()) / 1000);
  }

  /** Counts a failure; true when it is the one that locks the key out. */
  recordFailure(key: string): boolean {
    const failures = [...this.recent(key), this.now()];
    this.failures.set(key, failures);
    return failures.length === this.maxFailures;
  }

  reset(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const cutoff = this.now() - this.windowMs;
    return (this.failures.get(key) ?? []).filter((t) => t > cutoff);
  }
}
