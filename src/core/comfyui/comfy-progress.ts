/**
 * Follows one prompt through ComfyUI's websocket messages (`/ws?clientId=`): execution_start,
 * execution_cached, executing, progress, executed, execution_success / execution_error /
 * execution_interrupted. Each message folds into a state the node's progress bar reads.
 */
export interface ComfyRunState {
  promptId: string;
  /** Nodes the prompt will execute (the workflow's count); cached ones count as done. */
  total: number;
  done: ReadonlySet<string>;
  /** The node running now and its sampler steps, when it reports them. */
  current?: { node: string; value: number; max: number };
  phase: 'queued' | 'running' | 'succeeded' | 'failed' | 'interrupted';
  error?: { nodeType: string; exceptionType: string; message: string };
}

export const startRunState = (promptId: string, total: number): ComfyRunState => ({ promptId, total, done: new Set(), phase: 'queued' });

type Message = { type?: unknown; data?: Record<string, unknown> };

/** The state after one message; messages for other prompts (ComfyUI broadcasts to the client id) change nothing. */
export function foldComfyMessage(state: ComfyRunState, message: unknown): ComfyRunState {
  const { type, data } = (message ?? {}) as Message;
  if (!data || data.prompt_id !== state.promptId) return state;
  const done = new Set(state.done);
  switch (type) {
    case 'execution_start':
      return { ...state, phase: 'running' };
    case 'execution_cached':
      for (const n of Array.isArray(data.nodes) ? data.nodes : []) done.add(String(n));
      return { ...state, phase: 'running', done };
    case 'executing': {
      // `node: null` is ComfyUI's older way of saying the prompt finished.
      if (state.current) done.add(state.current.node);
      if (data.node === null || data.node === undefined) return { ...state, done, current: undefined, phase: state.phase === 'failed' ? 'failed' : 'succeeded' };
      return { ...state, phase: 'running', done, current: { node: String(data.node), value: 0, max: 0 } };
    }
    case 'progress':
      return { ...state, phase: 'running', current: { node: String(data.node ?? state.current?.node ?? ''), value: Number(data.value) || 0, max: Number(data.max) || 0 } };
    case 'executed':
      done.add(String(data.node));
      return { ...state, done };
    case 'execution_success':
      return { ...state, current: undefined, phase: 'succeeded' };
    case 'execution_interrupted':
      return { ...state, current: undefined, phase: 'interrupted' };
    case 'execution_error':
      return {
        ...state,
        current: undefined,
        phase: 'failed',
        error: { nodeType: String(data.node_type ?? ''), exceptionType: String(data.exception_type ?? ''), message: String(data.exception_message ?? '').trim() },
      };
    default:
      return state;
  }
}

/** 0..1 for the progress bar: finished nodes plus the running node's step fraction, over all nodes. */
export function runFraction(state: ComfyRunState): number {
  if (state.phase === 'succeeded') return 1;
  const total = Math.max(1, state.total);
  const running = state.current && state.current.max > 0 && !state.done.has(state.current.node) ? state.current.value / state.current.max : 0;
  return Math.min(1, (state.done.size + running) / total);
}

/** A short line for the node: "sampling 12/30" while a sampler reports steps, else the phase. */
export function runMessage(state: ComfyRunState): string {
  if (state.phase === 'queued') return 'queued on the server';
  if (state.current && state.current.max > 0) return `step ${state.current.value}/${state.current.max}`;
  return state.phase === 'running' ? 'running' : state.phase;
}
