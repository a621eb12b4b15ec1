import 'fake-indexeddb/auto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../src/app/db';
import { makeVideoJobRunner } from '../../src/app/graph/runners/video-job-runner';
import { AbortedError, type Clock } from '../../src/core/graph/clock';
import { RunnerError, type RunContext } from '../../src/core/graph/node-runner';
import { DEFAULT_SETTINGS, saveSettings } from '../../src/db/settings-repo';

/** A small HTTP server standing in for the edge's video job status route; answers in order. */
let server: Server;
let statuses: string[] = [];
let polls = 0;
/** Answers to POST /api/video/veo/jobs, in order (the last repeats), and the keys they came with. */
let startAnswers: { status: number; body: unknown }[] = [];
let startKeys: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.method === 'POST' && req.url === '/api/video/veo/jobs') {
      startKeys.push(String(req.headers['idempotency-key']));
      const answer = startAnswers[Math.min(startKeys.length - 1, startAnswers.length - 1)]!;
      res.writeHead(answer.status, { 'Content-Type': 'application/json' });
      return res.end(JSON.stringify(answer.body));
    }
    const status = req.url === '/api/video/veo/jobs/job-1' ? (statuses[Math.min(polls++, statuses.length - 1)] ?? 'running') : undefined;
    res.writeHead(status ? 200 : 404, { 'Content-Type': 'application/json' });
    res.end(JSON.stringify(status ? { job: { id: 'job-1', status, progress: 0.5, ...(status === 'failed' ? { error: { code: 'unsafe_content', message: 'The provider refused the prompt.' } } : {}) } } : { error: { code: 'not_found' } }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  await saveSettings(db, { ...DEFAULT_SETTINGS, edgeUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}` });
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));
beforeEach(() => {
  polls = 0;
  startKeys = [];
});

/** A clock that records every wait; `hold` keeps a wait open until the run is cancelled. */
function recordingClock(hold: boolean) {
  const sleeps: number[] = [];
  let slept: () => void = () => {};
  const firstSleep = new Promise<void>((resolve) => (slept = resolve));
  const clock: Clock = {
    now: () => 0,
    sleep: (ms, signal) => {
      sleeps.push(ms);
      slept();
      if (!hold) return Promise.resolve();
      return new Promise((_, reject) => signal?.addEventListener('abort', () => reject(new AbortedError()), { once: true }));
    },
  };
  return { clock, sleeps, firstSleep };
}

const resumedRun = (signal: AbortSignal): RunContext => ({
  nodeId: 'veo-1',
  kind: 'veo-video',
  cacheKey: 'key',
  attempt: 1,
  params: {},
  inputs: {},
  signal,
  progress: () => {},
  checkpoint: async () => {},
  resumeFrom: { operationId: 'job-1' },
});

describe('video job polling', () => {
  it('waits between polls through the injected clock', async () => {
    statuses = ['running', 'queued', 'failed'];
    const { clock, sleeps } = recordingClock(false);
    const result = await makeVideoJobRunner(db, 'project-1', 'veo', 'veo', 'veo', clock).run(resumedRun(new AbortController().signal));
    expect(result).toMatchObject({ ok: false, code: 'unsafe_content' });
    expect(polls).toBe(3);
    expect(sleeps).toEqual([1500, 1500]);
  });

  it('a cancel during the wait ends the run at once, with no further poll', async () => {
    statuses = ['running'];
    const { clock, sleeps, firstSleep } = recordingClock(true);
    const cancel = new AbortController();
    const run = makeVideoJobRunner(db, 'project-1', 'veo', 'veo', 'veo', clock).run(resumedRun(cancel.signal));
    await firstSleep;
    cancel.abort();
    const error = await run.then(() => null, (e: unknown) => e);
    expect(error).toBeInstanceOf(RunnerError);
    expect((error as RunnerError).code).toBe('cancelled');
    expect(polls).toBe(1);
    expect(sleeps).toEqual([1500]);
  });
});

describe('video job start', () => {
  const freshRun = (signal: AbortSignal): RunContext => ({ ...resumedRun(signal), resumeFrom: undefined, inputs: { prompt: 'a lantern' } });
  const pending = (uncertain: boolean) => ({ status: 202, body: { pending: { message: 'not answered yet', uncertain, retryAfter: 5 } } });

  it('asks again with the same Idempotency-Key while the edge says the start is pending, then follows the one job', async () => {
    startAnswers = [pending(false), pending(false), { status: 201, body: { job: { id: 'job-1', status: 'running' } } }];
    statuses = ['failed'];
    const { clock, sleeps } = recordingClock(false);
    const result = await makeVideoJobRunner(db, 'project-1', 'veo', 'veo', 'veo', clock).run(freshRun(new AbortController().signal));
    expect(result).toMatchObject({ ok: false, code: 'unsafe_content' });
    expect(startKeys).toEqual(['key.1', 'key.1', 'key.1']);
    expect(sleeps).toEqual([5000, 5000]);
  });

  it('stops with a clear failure when the provider never confirmed the start, without starting another', async () => {
    startAnswers = [pending(true)];
    const { clock } = recordingClock(false);
    const result = await makeVideoJobRunner(db, 'project-1', 'veo', 'veo', 'veo', clock).run(freshRun(new AbortController().signal));
    expect(result).toMatchObject({ ok: false, code: 'start_unconfirmed', message: expect.stringMatching(/^The provider did not confirm this start in time, so it was not started again/) });
    expect(startKeys).toHaveLength(1);
  });
});
