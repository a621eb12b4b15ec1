import type { StepKind, StepRecord, TurnRecord } from '../records/conversation-records';

/** What the chat panel streams while a turn runs. Every step ends with a `step` event. */
export type AgentEvent =
  | { type: 'turn_started'; turnId: string; prompt: string; versionBeforeId: string }
  | { type: 'text_delta'; turnId: string; text: string }
  | { type: 'step_started'; turnId: string; index: number; kind: StepKind; name: string; args: string }
  | { type: 'step'; turnId: string; step: StepRecord }
  | { type: 'turn_ended'; turn: TurnRecord };

export type AgentEventListener = (event: AgentEvent) => void;
