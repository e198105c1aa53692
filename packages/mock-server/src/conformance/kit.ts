/**
 * The conformance kit's core: what a check is, the HTTP helper the checks call a backend with,
 * and the runner. It speaks to the backend only through HTTP, so it runs against any portal
 * backend as it does against the mock server.
 */

/** The fixtures of DOMAIN.md a backend must hold for the checks. */
export const FIXTURE_CONTACTS = [
  'ahmet-yilmaz',
  'paul-klein',
  'kristina-maiblume',
  'lena-hoffmann',
  'jonas-becker',
  'sophie-wagner',
] as const;
export type FixtureContact = (typeof FIXTURE_CONTACTS)[number];

export interface KitOptions {
  /** The API's base URL, e.g. `http://127.0.0.1:4010/api/v1`. */
  baseUrl: string;
  managerToken: string;
  /** A token per fixture contact id. */
  contacts: Partial<Record<string, string>>;
  /** Run only the checks whose id starts with one of these. */
  only?: string[];
  /**
   * A test hook that sets the backend's clock: `POST` with `{ "now": "<ISO time>" }`, and
   * `{ "now": null }` to free it (the mock server's `/__mock/clock`). Checks of dates and expiry
   * need it and are skipped without it.
   */
  clockUrl?: string;
}

export interface Answer {
  status: number;
  headers: Headers;
  /** The parsed JSON body (JSON and problem+json), else undefined. */
  body: any;
  bytes: Uint8Array;
  text: string;
}

/** Who calls: the manager, a fixture contact, an explicit token, or nobody. */
export type Caller = 'manager' | FixtureContact | { token: string } | null;

export interface CallOptions {
  as?: Caller;
  /** A JSON body (object), raw text, bytes, or a multipart form. */
  body?: unknown;
  headers?: Record<string, string>;
}

export interface Ctx {
  readonly options: KitOptions;
  /** A string unique to this run, to name what the checks create. */
  readonly run: string;
  call(method: string, path: string, o?: CallOptions): Promise<Answer>;
  /** Asserts; the message names the rule broken. */
  expect(ok: unknown, message: string): void;
  /** Asserts a problem+json answer with this status and code. */
  problem(r: Answer, status: number, code: string, what: string): void;
  /** Remembers something to undo at the end (a created document, type or upload). */
  cleanup(fn: () => Promise<unknown>): void;
  /** Sets the backend's clock through `clockUrl` (null frees it); freed again after the check. */
  setClock(now: string | null): Promise<void>;
  /** Ends the check as skipped: what it proves does not apply to this backend. */
  skip(reason: string): never;
}

export interface Check {
  /** Stable id: `<area>.<rule>`. */
  id: string;
  /** The rule of API.md/DOMAIN.md it proves, in words. */
  rule: string;
  /** Fixture contacts the check calls as. */
  needs?: FixtureContact[];
  /** Whether the check moves the backend's clock (skipped without `clockUrl`). */
  needsClock?: boolean;
  run(ctx: Ctx): Promise<void>;
}

export type Outcome = {
  id: string;
  area: string;
  rule: string;
  status: 'passed' | 'failed' | 'skipped';
  message?: string;
  ms: number;
};

export class CheckFailure extends Error {}
class CheckSkipped extends Error {}

const describeAnswer = (r: Answer) => `${r.status} ${r.text.slice(0, 300)}`;

/** One request of a check: a plain body goes as JSON; the answer is read whole, and parsed when it is JSON. */
async function callApi(
  baseUrl: string,
  token: string | undefined,
  method: string,
  path: string,
  o: NonNullable<Parameters<Ctx['call']>[2]>,
): Promise<Answer> {
  const headers: Record<string, string> = { ...o.headers };
  if (token !== undefined) headers.Authorization = `Bearer ${token}`;
  let body: BodyInit | undefined;
  if (o.body instanceof Uint8Array) body = o.body.slice();
  else if (typeof o.body === 'string' || o.body instanceof FormData) body = o.body;
  else if (o.body !== undefined) {
    body = JSON.stringify(o.body);
    headers['Content-Type'] ??= 'application/json';
  }
  const res = await fetch(baseUrl.replace(/\/$/, '') + path, { method, headers, body });
  const bytes = new Uint8Array(await res.arrayBuffer());
  const type = res.headers.get('content-type') ?? '';
  const text = /json|text/.test(type)
    ? new TextDecoder().decode(bytes)
    : `<${bytes.length} bytes of ${type}>`;
  let parsed: unknown;
  if (/json/.test(type) && bytes.length) {
    try {
      parsed = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      parsed = undefined;
    }
  }
  return { status: res.status, headers: res.headers, body: parsed, bytes, text };
}

export function makeCtx(options: KitOptions): Ctx & { undo(): Promise<void> } {
  const undo: Array<() => Promise<unknown>> = [];
  const tokenOf = (as: Caller | undefined): string | undefined => {
    if (as === null) return undefined;
    if (as === undefined || as === 'manager') return options.managerToken;
    if (typeof as === 'object') return as.token;
    const t = options.contacts[as];
    if (!t) throw new CheckFailure(`needs --contact ${as}=<token>`);
    return t;
  };
  const ctx: Ctx & { undo(): Promise<void> } = {
    options,
    run: `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`,
    call: async (method, path, o = {}) => callApi(options.baseUrl, tokenOf(o.as), method, path, o),
    expect(ok, message) {
      if (!ok) throw new CheckFailure(message);
    },
    problem(r, status, code, what) {
      ctx.expect(r.status === status, `${what}: expected ${status} ${code}, got ${describeAnswer(r)}`);
      ctx.expect(
        /^application\/problem\+json/.test(r.headers.get('content-type') ?? ''),
        `${what}: expected Content-Type application/problem+json, got "${r.headers.get('content-type')}"`,
      );
      ctx.expect(r.body?.code === code, `${what}: expected code "${code}", got "${r.body?.code}"`);
      ctx.expect(
        r.body?.status === status && typeof r.body?.type === 'string' && typeof r.body?.title === 'string',
        `${what}: the problem must carry type, title and status ${status} (RFC 9457), got ${r.text.slice(0, 200)}`,
      );
    },
    cleanup(fn) {
      undo.push(fn);
    },
    async setClock(now) {
      if (!options.clockUrl) throw new CheckFailure('needs --clock-url');
      const r = await fetch(options.clockUrl, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ now }),
      });
      ctx.expect(
        r.ok,
        `the clock hook ${options.clockUrl} answered ${r.status} to { "now": ${JSON.stringify(now)} }`,
      );
      if (now !== null) ctx.cleanup(() => ctx.setClock(null));
    },
    skip(reason) {
      throw new CheckSkipped(reason);
    },
    async undo() {
      for (const fn of undo.splice(0).reverse()) await fn().catch(() => undefined);
    },
  };
  return ctx;
}

/** Runs the checks one after another; a check that throws fails with its message. */
export async function runChecks(
  checks: readonly Check[],
  options: KitOptions,
  onOutcome?: (o: Outcome) => void,
): Promise<Outcome[]> {
  const outcomes: Outcome[] = [];
  for (const check of checks) {
    if (options.only?.length && !options.only.some((p) => check.id.startsWith(p))) continue;
    const area = check.id.split('.')[0]!;
    const missing = (check.needs ?? [])
      .filter((c) => !options.contacts[c])
      .map((c) => `--contact ${c}=<token>`);
    if (check.needsClock && !options.clockUrl) missing.push('--clock-url <a hook that sets the clock>');
    const started = performance.now();
    let outcome: Outcome;
    if (missing.length)
      outcome = {
        id: check.id,
        area,
        rule: check.rule,
        status: 'skipped',
        message: `needs ${missing.join(', ')}`,
        ms: 0,
      };
    else {
      const ctx = makeCtx(options);
      try {
        await check.run(ctx);
        outcome = { id: check.id, area, rule: check.rule, status: 'passed', ms: 0 };
      } catch (e) {
        if (e instanceof CheckSkipped)
          outcome = { id: check.id, area, rule: check.rule, status: 'skipped', message: e.message, ms: 0 };
        else {
          const message =
            e instanceof CheckFailure
              ? e.message
              : `the check broke: ${e instanceof Error ? e.message : String(e)}`;
          outcome = { id: check.id, area, rule: check.rule, status: 'failed', message, ms: 0 };
        }
      } finally {
        await ctx.undo();
      }
      outcome.ms = Math.round(performance.now() - started);
    }
    outcomes.push(outcome);
    onOutcome?.(outcome);
  }
  return outcomes;
}
