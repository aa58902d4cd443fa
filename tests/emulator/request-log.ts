/**
 * What the emulator saw: one entry per request (no query strings or bodies, which carry secrets)
 * and counters per operation, for tests to assert on and for benchmarks to report.
 */
export interface RequestLogEntry {
  atMs: number;
  method: string;
  path: string;
  operation: string;
  status: number | 'dropped';
  errorType?: string;
}

export interface OperationCounters {
  requests: number;
  ok: number;
  errors: Record<string, number>;
}

export class RequestLog {
  readonly entries: RequestLogEntry[] = [];
  private readonly limit: number;

  constructor(limit = 50_000) {
    this.limit = limit;
  }

  record(entry: RequestLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.limit) this.entries.splice(0, this.entries.length - this.limit);
  }

  /** Counts per operation: requests, successes, and errors by type (`dropped` for a dropped connection). */
  counters(): Record<string, OperationCounters> {
    const counters: Record<string, OperationCounters> = {};
    for (const entry of this.entries) {
      const counter = (counters[entry.operation] ??= { requests: 0, ok: 0, errors: {} });
      counter.requests++;
      if (typeof entry.status === 'number' && entry.status < 400) counter.ok++;
      else {
        const type = entry.errorType ?? String(entry.status);
        counter.errors[type] = (counter.errors[type] ?? 0) + 1;
      }
    }
    return counters;
  }

  count(operation: string, predicate: (entry: RequestLogEntry) => boolean = () => true): number {
    return this.entries.filter((entry) => entry.operation === operation && predicate(entry)).length;
  }

  /** How many requests were throttled with a 429. */
  throttled(): number {
    return this.entries.filter((entry) => entry.status === 429).length;
  }

  clear(): void {
    this.entries.length = 0;
  }
}
