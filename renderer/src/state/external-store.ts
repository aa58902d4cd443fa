/** A minimal store for `useSyncExternalStore`: a value, and listeners told when it changes. */
export class ExternalStore<Value> {
  private readonly listeners = new Set<() => void>();

  constructor(
    private value: Value,
    /** Called when the first listener arrives; returns what to do when the last one leaves. */
    private readonly start?: () => () => void,
  ) {}

  private stop: (() => void) | undefined;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    if (this.listeners.size === 1 && this.start) this.stop = this.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) {
        this.stop?.();
        this.stop = undefined;
      }
    };
  };

  readonly getSnapshot = (): Value => this.value;

  set(value: Value): void {
    if (Object.is(value, this.value)) return;
    this.value = value;
    for (const listener of [...this.listeners]) listener();
  }
}
