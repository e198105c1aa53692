// Starts the MSW mock backend in this page once, and gives tests clients and control calls.
import { startWorker } from '@docportal/mock-server/browser';
import { createClient, type ClientOptions } from '../../src/index.ts';

export const ready = startWorker({ quiet: true });
export const BASE = '/api/v1';

export const clientAs = (token: string, options: Partial<ClientOptions> = {}) =>
  createClient({ baseUrl: BASE, token, retry: { baseDelayMs: 10, maxDelayMs: 50 }, ...options });

export async function control(path: string, body?: unknown): Promise<any> {
  const res = await fetch(`/__mock${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return res.json();
}

export async function sha256(blob: Blob): Promise<string> {
  const d = await crypto.subtle.digest('SHA-256', await blob.arrayBuffer());
  return Array.from(new Uint8Array(d), (b) => b.toString(16).padStart(2, '0')).join('');
}
