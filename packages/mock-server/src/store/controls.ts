import { prng } from './util.js';

/** Failure injection, set through `POST /__mock/faults`. */
export interface FaultConfig {
  latencyMs?: number;
  failRate?: number;
  failStatus?: number;
  dropAfterBytes?: number;
  loseResponseRate?: number;
  /** Seconds sent as `Retry-After` with a 429 or 503 fault. @default 1 */
  retryAfter?: number;
  seed?: number;
}

export interface Stats {
  requests: number;
  bytesReceived: number;
  documents: number;
  uploads: number;
  openUploads: number;
}

export type Counters = Omit<Stats, 'openUploads'>;

/** The fate drawn for one API request: fail without effect, and/or lose the answer after the effect. */
export interface Fate {
  fail: boolean;
  lose: boolean;
}

/** What an admitted API request is to suffer, with the fault settings it was drawn under. */
export interface Admission extends Fate {
  faults: FaultConfig | null;
}

export const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * What tests steer and read besides the data: the clock, the injected faults and the traffic
 * counters. Both transports (MSW handlers and the standalone server) admit requests here, so
 * that a fault setting means the same on either.
 */
export class Controls {
  private clock: number | null = null;
  private faultConfig: FaultConfig | null = null;
  private faultRandom: () => number = Math.random;
  private counters: Counters = { requests: 0, bytesReceived: 0, documents: 0, uploads: 0 };

  /** The clock free, no faults, counters at zero. */
  reset(): void {
    this.clock = null;
    this.faultConfig = null;
    this.counters = { requests: 0, bytesReceived: 0, documents: 0, uploads: 0 };
  }

  /** The server's time: fixed by `setClock`, else the real one. */
  now(): number {
    return this.clock ?? Date.now();
  }

  /** Fixes the clock to an instant, or frees it with null. */
  setClock(now: string | null): void {
    this.clock = now === null ? null : Date.parse(now);
  }

  get faults(): FaultConfig | null {
    return this.faultConfig;
  }

  /** Sets the fault injection; an empty object clears it. */
  setFaults(config: FaultConfig): void {
    const active = Object.values(config).some((value) => value !== undefined);
    this.faultConfig = active ? { ...config } : null;
    this.faultRandom = config.seed === undefined ? Math.random : prng(config.seed);
  }

  /** Draws the fate of one request: fail without effect, and/or lose the answer after the effect. */
  drawFault(): Fate {
    const faults = this.faultConfig;
    if (!faults) return { fail: false, lose: false };
    // Always draw both, so that one seed gives one sequence whatever the rates.
    const failDraw = this.faultRandom();
    const loseDraw = this.faultRandom();
    return { fail: failDraw < (faults.failRate ?? 0), lose: loseDraw < (faults.loseResponseRate ?? 0) };
  }

  /** Waits the injected latency, if any. */
  async delay(): Promise<void> {
    const latency = this.faultConfig?.latencyMs;
    if (latency) await sleep(latency);
  }

  /**
   * Lets one API request in, as both transports do: it is counted, waits the injected latency,
   * then its fate is drawn.
   */
  async admit(): Promise<Admission> {
    this.countRequest();
    const faults = this.faultConfig;
    await this.delay();
    return { ...this.drawFault(), faults };
  }

  /** Counts one API request and its body bytes. */
  countRequest(bodyBytes = 0): void {
    this.counters.requests++;
    this.counters.bytesReceived += bodyBytes;
  }

  countBytes(n: number): void {
    this.counters.bytesReceived += n;
  }

  countDocument(): void {
    this.counters.documents++;
  }

  countUpload(): void {
    this.counters.uploads++;
  }

  /** The counters, with the number of open upload sessions the caller knows. */
  stats(openUploads: number): Stats {
    return { ...this.counters, openUploads };
  }
}
