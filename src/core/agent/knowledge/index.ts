import type { KnowledgeNote } from './knowledge-note';
import { MOTION_NOTES } from './motion-notes';
import { REMOTION_NOTES } from './remotion-notes';

export type { KnowledgeNote } from './knowledge-note';

/** The knowledge base the agent retrieves from each turn (see memory/knowledge-retriever.ts). */
export const KNOWLEDGE_NOTES: readonly KnowledgeNote[] = [...REMOTION_NOTES, ...MOTION_NOTES];
