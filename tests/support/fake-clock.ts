/** A clock tests move by hand; `now` is in epoch milliseconds, starting at a fixed instant. */
export class FakeClock {
  constructor(private current = Date.UTC(2026, 10, 30, 9, 0, 0)) {}

  readonly now = (): number => this.current;

  advance(ms: number): void {
    this.current += ms;
  }
}
