import { z } from 'zod';
import type { FileDiff } from '../../project/diff-files';
import type { Content } from '../provider/model-types';

/**
 * What the app stores in Dexie's `conversations` table (one row per conversation, {id, projectId,
 * ...}) so a reload shows the chat again, steps included. Plain JSON: structured-clone safe.
 */
export const CONVERSATION_RECORD_VERSION = 1;

export type StepKind = 'model' | 'tool' | 'check';

export interface StepRecord {
  index: number;
  kind: StepKind;
  /** Tool name, "model", or the automatic check's name ("auto_build_check"). */
  name: string;
  /** Arguments in short, for the timeline (full arguments stay in `contents`). */
  args: string;
  /** Result in short. */
  result: string;
  ok: boolean;
  /** Failure code (invalid_arguments, file_changed, …) when !ok. */
  code?: string;
  ms: number;
  at: number;
}

export type TurnStatus =
  | 'running'
  /** The model finished and the last build + preview check found nothing. */
  | 'clean'
  /** The model answered without changing anything (a question, a plan). */
  | 'answered'
  /** The step budget or correction rounds ran out with problems left (listed in message). */
  | 'problems_remain'
  | 'failed'
  | 'cancelled';

export interface TurnRecord {
  id: string;
  prompt: string;
  startedAt: number;
  endedAt?: number;
  /** Saved before the turn touched anything: restoring it undoes the whole turn. */
  versionBeforeId?: string;
  status: TurnStatus;
  /** Failure code (provider_error, tool_crashed, malformed_function_call, repeated_call, edit_loop, …). */
  code?: string;
  /** With code provider_error: the provider's code (quota_exceeded, safety_blocked, …) and the wait it asked for. */
  providerCode?: string;
  retryAfterSec?: number;
  /** What the person reads under the turn: outcome and remaining problems. */
  message: string;
  /** The model's final words. */
  reply: string;
  steps: StepRecord[];
  /** Paths changed by the turn (compared with the state before it). */
  changedFiles: string[];
  /** What the turn changed, per file (unified-diff hunks; hunks dropped when very large). */
  diff?: FileDiff[];
  /** Set when the person undid the turn. */
  undoneAt?: number;
  /** The model-visible exchange of this turn (prompt, calls, responses), replayed in later turns. */
  contents: Content[];
  usage: { promptTokens: number; outputTokens: number; modelCalls: number; toolSteps: number };
}

export interface ConversationRecord {
  id: string;
  projectId: string;
  version: typeof CONVERSATION_RECORD_VERSION;
  title: string;
  createdAt: number;
  updatedAt: number;
  turns: TurnRecord[];
}

const step = z.object({
  index: z.number().int().min(0),
  kind: z.enum(['model', 'tool', 'check']),
  name: z.string().max(100),
  args: z.string().max(2000),
  result: z.string().max(4000),
  ok: z.boolean(),
  code: z.string().max(100).optional(),
  ms: z.number().min(0),
  at: z.number(),
});

const part = z.looseObject({
  text: z.string().optional(),
  functionCall: z.looseObject({ name: z.string(), args: z.record(z.string(), z.unknown()).optional() }).optional(),
  functionResponse: z.looseObject({ name: z.string(), response: z.record(z.string(), z.unknown()) }).optional(),
  thoughtSignature: z.string().optional(),
});

const turn = z.object({
  id: z.string().min(1),
  prompt: z.string(),
  startedAt: z.number(),
  endedAt: z.number().optional(),
  versionBeforeId: z.string().optional(),
  status: z.enum(['running', 'clean', 'answered', 'problems_remain', 'failed', 'cancelled']),
  code: z.string().optional(),
  providerCode: z.string().optional(),
  retryAfterSec: z.number().optional(),
  message: z.string(),
  reply: z.string(),
  steps: z.array(z.unknown()),
  changedFiles: z.array(z.string()),
  diff: z.array(z.object({ path: z.string(), status: z.enum(['added', 'removed', 'modified']), hunks: z.array(z.object({ oldStart: z.number(), newStart: z.number(), lines: z.array(z.string()) })), added: z.number(), removed: z.number() })).optional(),
  undoneAt: z.number().optional(),
  contents: z.array(z.object({ role: z.enum(['user', 'model']), parts: z.array(part) })),
  usage: z.object({ promptTokens: z.number(), outputTokens: z.number(), modelCalls: z.number(), toolSteps: z.number() }),
});

/**
 * The one gate for conversation rows read back from Dexie (or a backup): a loose value in, a
 * strict record out. Bad steps and bad turns are dropped, not fatal; a row without its envelope
 * (id, projectId, known version) gives null. A turn left "running" by a crash or reload is marked
 * cancelled so the UI never shows a spinner forever.
 */
export function restoreConversation(input: unknown): ConversationRecord | null {
  if (!input || typeof input !== 'object') return null;
  const row = input as Record<string, unknown>;
  if (typeof row.id !== 'string' || typeof row.projectId !== 'string' || !row.id || !row.projectId) return null;
  if (row.version !== undefined && row.version !== CONVERSATION_RECORD_VERSION) return null;
  const turns: TurnRecord[] = [];
  for (const raw of Array.isArray(row.turns) ? row.turns : []) {
    const parsed = turn.safeParse(raw);
    if (!parsed.success) continue;
    const steps = parsed.data.steps.flatMap((s) => {
      const ok = step.safeParse(s);
      return ok.success ? [ok.data] : [];
    });
    const t = { ...parsed.data, steps, contents: parsed.data.contents as Content[] } as TurnRecord;
    if (t.status === 'running') {
      t.status = 'cancelled';
      t.code = 'interrupted';
      t.message = 'Interrupted (the page was closed or reloaded during this turn).';
    }
    turns.push(t);
  }
  return {
    id: row.id,
    projectId: row.projectId,
    version: CONVERSATION_RECORD_VERSION,
    title: typeof row.title === 'string' ? row.title.slice(0, 200) : 'Conversation',
    createdAt: typeof row.createdAt === 'number' ? row.createdAt : 0,
    updatedAt: typeof row.updatedAt === 'number' ? row.updatedAt : 0,
    turns,
  };
}

export function newConversation(id: string, projectId: string, now: number): ConversationRecord {
  return { id, projectId, version: CONVERSATION_RECORD_VERSION, title: 'New conversation', createdAt: now, updatedAt: now, turns: [] };
}
