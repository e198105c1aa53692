import { ApiError } from './errors.js';

/** How long a key is remembered. */
export const IDEMPOTENCY_TTL_MS = 24 * 3_600_000;

/** A canonical JSON text of a value: object keys sorted, so that equal requests give equal texts. */
export const stableJson = (value: unknown): string => {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    const fields = Object.keys(record)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${stableJson(record[key])}`);
    return `{${fields.join(',')}}`;
  }
  return JSON.stringify(value);
};

interface Entry {
  requestHash: string;
  result: Promise<unknown>;
  at: number;
}

/**
 * Writes run once per caller, operation and key (kept 24 hours): the same key and request
 * answer the first answer again, the same key with another request is a 409. A refused write
 * (an answer of 400 or more) took no effect, so its key may be used again.
 */
export class IdempotencyLedger {
  /** In insertion order, which is the order of `at`: expiry stops at the first live entry. */
  private readonly entries = new Map<string, Entry>();

  once<T extends { status: number }>(
    callerId: string,
    operation: string,
    idempotencyKey: string,
    request: unknown,
    run: () => Promise<T>,
    now: number,
  ): Promise<T> {
    this.expire(now);
    const key = `${callerId}\n${operation}\n${idempotencyKey}`;
    const requestHash = stableJson(request);
    const prior = this.entries.get(key);
    if (prior) {
      if (prior.requestHash !== requestHash)
        throw new ApiError('conflict', 'This Idempotency-Key was used with another request.');
      return prior.result as Promise<T>;
    }
    const result = run();
    this.entries.set(key, { requestHash, result, at: now });
    const forget = () => this.entries.get(key)?.result === result && this.entries.delete(key);
    result.then((answer) => answer.status >= 400 && forget(), forget);
    return result;
  }

  private expire(now: number): void {
    for (const [key, entry] of this.entries) {
      if (entry.at > now - IDEMPOTENCY_TTL_MS) break;
      this.entries.delete(key);
    }
  }
}
