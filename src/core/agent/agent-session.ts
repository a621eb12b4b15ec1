import { err, ok, type Result } from '../util/result';
import type { AgentEventListener } from './loop/agent-events';
import { DEFAULT_TURN_LIMITS, runTurn, type TurnLimits } from './loop/run-turn';
import type { PastTurn } from './memory/conversation-window';
import { makeKnowledgeRetriever, type KnowledgeRetriever } from './memory/knowledge-retriever';
import type { AudioAnalyzer } from './ports/audio-analyzer';
import type { ProjectMapper } from './ports/project-mapper';
import type { BuildChecker } from './ports/build-checker';
import type { ImageGenerator } from './ports/image-generator';
import type { PreviewRunner } from './ports/preview-runner';
import type { ProjectWorkspace } from './ports/project-workspace';
import type { StillRenderer } from './ports/still-renderer';
import type { SvgSanitizer } from './ports/svg-sanitizer';
import type { Content, ModelProvider } from './provider/model-types';
import { newConversation, type ConversationRecord, type TurnRecord } from './records/conversation-records';
import { ALL_TOOLS } from './tools/all-tools';
import { makeToolRegistry } from './tools/tool-registry';
import type { AgentTool } from './tools/tool-types';

export interface AgentSessionOptions {
  workspace: ProjectWorkspace;
  buildChecker: BuildChecker;
  previewRunner: PreviewRunner;
  stillRenderer: StillRenderer;
  audioAnalyzer: AudioAnalyzer;
  projectMapper: ProjectMapper;
  imageGenerator: ImageGenerator;
  svgSanitizer: SvgSanitizer;
  /** The agent's model (e.g. makeGeminiProvider through the edge). */
  model: ModelProvider;
  /** For vision answers and SVG drawing; defaults to `model`. */
  helperModel?: ModelProvider;
  /** A stored conversation (pass it through restoreConversation first); a new one otherwise. */
  conversation?: ConversationRecord;
  /** Called after every change of the conversation (turn start, turn end, undo): the app writes the Dexie row. */
  persist?: (conversation: ConversationRecord) => void | Promise<void>;
  tools?: readonly AgentTool<any>[];
  limits?: Partial<TurnLimits>;
  retriever?: KnowledgeRetriever;
  now?: () => number;
  newId?: () => string;
}

export interface SendOptions {
  signal?: AbortSignal;
  onEvent?: AgentEventListener;
}

export interface AgentSession {
  /** The conversation as stored (a copy). */
  conversation(): ConversationRecord;
  readonly busy: boolean;
  /** Runs one turn. Never rejects for model or tool failures: they end the turn (see TurnRecord.status). */
  send(prompt: string, options?: SendOptions): Promise<TurnRecord>;
  /** Restores the version saved before the turn (the current state is saved first, so undo is undoable). */
  undoTurn(turnId: string): Promise<Result<{ versionId: string }, 'unknown_turn' | 'no_version' | 'busy' | 'version_not_found'>>;
}

export class AgentBusyError extends Error {
  readonly code = 'agent_busy' as const;
  constructor() {
    super('[agent] a turn is already running; cancel it or wait');
    this.name = 'AgentBusyError';
  }
}

/**
 * The chat panel's entry point: one session per open project conversation.
 *
 * @example
 * const session = makeAgentSession({ workspace, buildChecker, previewRunner, stillRenderer, audioAnalyzer,
 *   imageGenerator, svgSanitizer, model: makeGeminiProvider({ baseUrl: `${edge}/api/gemini`, model, token }),
 *   conversation: restoreConversation(row) ?? undefined, persist: (c) => db.conversations.put(c) });
 * const turn = await session.send('A 20-second launch video for our coffee app', { signal, onEvent });
 */
export function makeAgentSession(options: AgentSessionOptions): AgentSession {
  const now = options.now ?? Date.now;
  const newId = options.newId ?? (() => crypto.randomUUID());
  const registry = makeToolRegistry(options.tools ?? ALL_TOOLS);
  const retriever = options.retriever ?? makeKnowledgeRetriever();
  const limits = { ...DEFAULT_TURN_LIMITS, ...options.limits };
  let conversation: ConversationRecord = options.conversation ? structuredClone(options.conversation) : newConversation(newId(), options.workspace.projectId, now());
  let busy = false;

  const save = async () => {
    conversation.updatedAt = now();
    await options.persist?.(structuredClone(conversation));
  };

  return {
    conversation: () => structuredClone(conversation),
    get busy() {
      return busy;
    },
    async send(prompt, sendOptions = {}) {
      if (busy) throw new AgentBusyError();
      busy = true;
      try {
        if (conversation.turns.length === 0) conversation.title = prompt.replace(/\s+/g, ' ').trim().slice(0, 80) || 'Conversation';
        const pastTurns = conversation.turns.map(pastTurnOf);
        const turn = await runTurn(
          {
            ...options,
            helperModel: options.helperModel ?? options.model,
            registry,
            retriever,
            limits,
            now,
            newId,
          },
          {
            prompt,
            pastTurns,
            signal: sendOptions.signal,
            onEvent: (event) => {
              if (event.type === 'turn_started') {
                // Stored at once, so a reload mid-turn shows it (restoreConversation marks it interrupted).
                conversation.turns.push({ id: event.turnId, prompt, startedAt: now(), versionBeforeId: event.versionBeforeId, status: 'running', message: '', reply: '', steps: [], changedFiles: [], contents: [], usage: { promptTokens: 0, outputTokens: 0, modelCalls: 0, toolSteps: 0 } });
                // A failed write here is retried by the save at the end of the turn.
                save().catch(() => {});
              }
              sendOptions.onEvent?.(event);
            },
          },
        );
        const index = conversation.turns.findIndex((t) => t.id === turn.id);
        if (index >= 0) conversation.turns[index] = turn;
        else conversation.turns.push(turn);
        await save();
        return structuredClone(turn);
      } finally {
        busy = false;
      }
    },
    async undoTurn(turnId) {
      if (busy) return err('busy', 'a turn is running');
      const turn = conversation.turns.find((t) => t.id === turnId);
      if (!turn) return err('unknown_turn', `no turn "${turnId}" in this conversation`);
      if (!turn.versionBeforeId) return err('no_version', 'this turn has no saved version');
      await options.workspace.saveVersion(`Before undoing: ${turn.prompt.slice(0, 60)}`);
      const restored = await options.workspace.restoreVersion(turn.versionBeforeId);
      if (!restored.ok) return err('version_not_found', restored.message);
      turn.undoneAt = now();
      await save();
      return ok({ versionId: turn.versionBeforeId });
    },
  };
}

/** A stored turn as the model will see it again; endings the model did not witness are told. */
function pastTurnOf(turn: TurnRecord): PastTurn {
  const contents: Content[] = [...turn.contents];
  const notes: string[] = [];
  if (turn.status === 'failed' || turn.status === 'cancelled' || turn.status === 'problems_remain') notes.push(`[Director: this turn ended ${turn.status}. ${turn.message}]`);
  if (turn.undoneAt) notes.push('[Director: the person undid this turn; the project went back to how it was before it.]');
  if (notes.length) contents.push({ role: 'user', parts: [{ text: notes.join('\n') }] });
  return { prompt: turn.prompt, reply: turn.reply || turn.message, contents };
}
