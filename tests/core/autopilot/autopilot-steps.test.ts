import { describe, expect, it } from 'vitest';
import { AUTOPILOT_STEPS, DEFAULT_CAPTION_STYLE, DEFAULT_SCRIPT_OPTIONS, failStep, finishStep, initialSteps, invalidateAfter, invalidateFrom, nextStep, resume, runAutopilot, startStep, timeLeftS, type AutopilotRun, type AutopilotStepId, type StepHandlers, type StepOutcome } from '../../../src/core/autopilot';

const newRun = (): AutopilotRun => ({
  id: 'r',
  projectId: 'p',
  topic: 'owls',
  options: { ...DEFAULT_SCRIPT_OPTIONS, lengthS: 40 },
  offline: true,
  voice: { provider: 'offline', voice: 'en-us', speed: 1, pitch: 0 },
  captionStyle: DEFAULT_CAPTION_STYLE,
  steps: initialSteps(),
  artifacts: {},
  createdAt: 0,
  updatedAt: 0,
});

/** Handlers that record the order they ran in; `fail` makes one step fail (or throw) once. */
function handlers(calls: AutopilotStepId[], fail?: { step: AutopilotStepId; throws?: boolean }): StepHandlers {
  let failed = false;
  return Object.fromEntries(
    AUTOPILOT_STEPS.map((id) => [
      id,
      async ({ progress }): Promise<StepOutcome> => {
        calls.push(id);
        progress(0.5);
        if (fail?.step === id && !failed) {
          failed = true;
          if (fail.throws) throw new Error(`${id} broke`);
          return { ok: false, message: `${id} needs a fix` };
        }
        return { ok: true, summary: `${id} ok`, ...(id === 'subtitles' ? { artifacts: { cues: [{ startS: 0, endS: 1, text: 'Hi' }] } } : {}) };
      },
    ]),
  ) as StepHandlers;
}

function ports(h: StepHandlers, saved: AutopilotRun[], signal = new AbortController().signal) {
  let t = 0;
  return { handlers: h, save: async (r: AutopilotRun) => void saved.push(r), now: () => (t += 1000), signal };
}

describe('the Auto-pilot step machine', () => {
  it('runs every step in order, saving each change, and keeps the artifacts', async () => {
    const calls: AutopilotStepId[] = [];
    const saved: AutopilotRun[] = [];
    const run = await runAutopilot(newRun(), ports(handlers(calls), saved));
    expect(calls).toEqual([...AUTOPILOT_STEPS]);
    expect(run.steps.every((s) => s.status === 'done' && s.summary === `${s.id} ok`)).toBe(true);
    expect(run.artifacts.cues).toEqual([{ startS: 0, endS: 1, text: 'Hi' }]);
    expect(nextStep(run)).toBeNull();
    // Each step is saved as running (before it works) and as done.
    expect(saved.filter((r) => r.steps.find((s) => s.id === 'voiceover')!.status === 'running').length).toBeGreaterThanOrEqual(1);
    expect(saved.at(-1)).toEqual(run);
  });

  it('stops on the first failing step with its reason, then resumes from it after a fix', async () => {
    for (const throws of [false, true]) {
      const calls: AutopilotStepId[] = [];
      const h = handlers(calls, { step: 'voiceover', throws });
      const stopped = await runAutopilot(newRun(), ports(h, []));
      expect(calls).toEqual(['script', 'scenes', 'visuals', 'voiceover']);
      expect(stopped.steps.find((s) => s.id === 'voiceover')).toMatchObject({ status: 'failed', error: throws ? 'voiceover broke' : 'voiceover needs a fix' });
      expect(nextStep(stopped)).toBeNull();
      calls.length = 0;
      const finished = await runAutopilot(stopped, ports(h, []));
      expect(calls).toEqual(['voiceover', 'subtitles', 'mix', 'render']);
      expect(finished.steps.every((s) => s.status === 'done')).toBe(true);
    }
  });

  it('after a reload, a step left running starts again; done steps are not redone', () => {
    let run = newRun();
    run = finishStep(startStep(run, 'script', 1), 'script', '6 scenes', 2);
    run = startStep(run, 'scenes', 3);
    const reloaded = resume(JSON.parse(JSON.stringify(run)) as AutopilotRun, 4);
    expect(reloaded.steps.slice(0, 2).map((s) => s.status)).toEqual(['done', 'pending']);
    expect(nextStep(reloaded)).toBe('scenes');
    expect(resume(reloaded, 5)).toBe(reloaded);
  });

  it('a cancelled run leaves its step pending for next time', async () => {
    const controller = new AbortController();
    const calls: AutopilotStepId[] = [];
    const h = handlers(calls);
    h.visuals = async () => {
      controller.abort();
      throw new Error('aborted');
    };
    const run = await runAutopilot(newRun(), ports(h, [], controller.signal));
    expect(run.steps.map((s) => s.status)).toEqual(['done', 'done', 'pending', 'pending', 'pending', 'pending', 'pending']);
  });

  it('an edit redoes what comes after it (or from it)', () => {
    let run = newRun();
    for (const id of AUTOPILOT_STEPS) run = finishStep(startStep(run, id, 1), id, 'ok', 2);
    expect(invalidateAfter(run, 'subtitles', 3).steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'done', 'done', 'pending', 'pending']);
    expect(invalidateFrom(run, 'voiceover', 3).steps.map((s) => s.status)).toEqual(['done', 'done', 'done', 'pending', 'pending', 'pending', 'pending']);
  });

  it('time left: typical costs first, then the pace the run has shown', () => {
    const fresh = timeLeftS(newRun(), 0)!;
    expect(fresh).toBe(Math.round(40 * (0.05 + 0.01 + 0.05 + 0.3 + 0.01 + 0.1 + 2.5)));
    // The script took 4 s where 2 s was typical: the rest is expected twice as slow.
    let run = finishStep(startStep(newRun(), 'script', 0), 'script', 'ok', 4000);
    expect(timeLeftS(run, 4000)).toBe(Math.round(2 * 40 * (0.01 + 0.05 + 0.3 + 0.01 + 0.1 + 2.5)));
    // A running step is projected from its own progress.
    run = startStep(run, 'scenes', 4000);
    run = { ...run, steps: run.steps.map((s) => (s.id === 'scenes' ? { ...s, progress: 0.5 } : s)) };
    expect(timeLeftS(run, 5000)).toBe(Math.round(1 + 2 * 40 * (0.05 + 0.3 + 0.01 + 0.1 + 2.5)));
    for (const id of AUTOPILOT_STEPS) run = finishStep(run, id, 'ok', 9000);
    expect(timeLeftS(run, 9000)).toBeNull();
    expect(failStep(run, 'mix', 'x', 1).steps.find((s) => s.id === 'mix')!.status).toBe('failed');
  });
});
