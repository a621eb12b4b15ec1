import type { AutopilotRun, AutopilotStepId } from './autopilot-run';
import { failStep, finishStep, nextStep, progressStep, resume, startStep } from './autopilot-steps';

/** What a step gets: the run as it is, a way to report progress, and the cancel signal. */
export interface StepContext {
  run: AutopilotRun;
  progress: (fraction: number) => void;
  signal: AbortSignal;
}

/** A step's outcome: a one-line summary and the run fields it changed (artifacts, notes). */
export type StepOutcome = { ok: true; summary: string; artifacts?: Partial<AutopilotRun['artifacts']> } | { ok: false; message: string };

export type StepHandlers = Record<AutopilotStepId, (ctx: StepContext) => Promise<StepOutcome>>;

export interface RunnerPorts {
  handlers: StepHandlers;
  /** Persists the run (every state change is saved before the next step starts). */
  save: (run: AutopilotRun) => Promise<void>;
  now: () => number;
  signal: AbortSignal;
}

/**
 * Runs the remaining steps in order and returns the run as it ended: finished, stopped on the
 * first failure (its reason in the step), or cancelled (the step left pending for next time).
 * A thrown error is a failure too, with its message: the person sees one sentence.
 */
export async function runAutopilot(start: AutopilotRun, ports: RunnerPorts): Promise<AutopilotRun> {
  let run = resume(start, ports.now());
  for (let id = nextStep(run); id && !ports.signal.aborted; id = nextStep(run)) {
    run = startStep(run, id, ports.now());
    await ports.save(run);
    const step = id;
    let lastSaved = 0;
    const progress = (fraction: number) => {
      run = progressStep(run, step, fraction, ports.now());
      // Progress is saved at most every 10 % so the step list survives a reload without flooding IndexedDB.
      if (fraction - lastSaved >= 0.1) void ports.save(run).catch(() => undefined), (lastSaved = fraction);
    };
    let outcome: StepOutcome;
    try {
      outcome = await ports.handlers[step]({ run, progress, signal: ports.signal });
    } catch (e) {
      if (ports.signal.aborted) outcome = { ok: false, message: 'cancelled' };
      else outcome = { ok: false, message: e instanceof Error ? e.message : String(e) };
    }
    if (ports.signal.aborted) {
      run = resume(run, ports.now());
      await ports.save(run);
      break;
    }
    if (outcome.ok) {
      run = { ...finishStep(run, step, outcome.summary, ports.now()), artifacts: { ...run.artifacts, ...outcome.artifacts } };
    } else {
      run = failStep(run, step, outcome.message, ports.now());
    }
    await ports.save(run);
  }
  return run;
}
