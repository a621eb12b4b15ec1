import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test';
import { env, exports } from 'cloudflare:workers';
import { inject } from 'vitest';
import worker from '../../src/index';
import type { Env } from '../../src/env';
import { APP_ORIGIN, TEST_TOKENS } from './test-constants';

export const EDGE = 'https://edge.director.test';

export interface EdgeRequest extends RequestInit {
  /** Access token to send; null sends none. Defaults to the main test token. */
  token?: string | null;
  /** Vars to override for this request (e.g. a low rate limit). Runs the worker module directly. */
  envOverrides?: Partial<Env>;
}

/** Calls the edge Worker (running in this workerd) the way a browser on the app origin would. */
export async function edge(path: string, init: EdgeRequest = {}): Promise<Response> {
  const { token = TEST_TOKENS.main, envOverrides, ...rest } = init;
  const headers = new Headers(rest.headers);
  if (token !== null && !headers.has('Authorization')) headers.set('Authorization', `Bearer ${token}`);
  const request = new Request(`${EDGE}${path}`, { ...rest, headers });
  if (!envOverrides) return exports.default.fetch(request);
  const ctx = createExecutionContext();
  const response = await worker.fetch(request, { ...(env as unknown as Env), ...envOverrides }, ctx);
  await waitOnExecutionContext(ctx);
  return response;
}

export function json(body: unknown, headers: Record<string, string> = {}): RequestInit {
  return { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: JSON.stringify(body) };
}

/** Base URL of the fake upstreams (started in Node by global-setup). */
export const fakeUrl = () => inject('fakeUrl');

export async function fakeCounts(): Promise<Record<string, any>> {
  return (await fetch(`${fakeUrl()}/__fake/counts`)).json();
}

export async function releaseFakeStream(id: string): Promise<void> {
  await fetch(`${fakeUrl()}/__fake/release/${id}`, { method: 'POST' });
}

export const textPrompt = (text: string) => ({ contents: [{ role: 'user', parts: [{ text }] }] });

export { APP_ORIGIN };
