import { KNOWLEDGE_NOTES, type KnowledgeNote } from '../knowledge';
import { makeBm25Index } from './bm25-index';

export interface KnowledgeRetriever {
  /** The most relevant notes for a query (the prompt, plus errors being fixed), best first. */
  retrieve(query: string, limit?: number): KnowledgeNote[];
}

/**
 * BM25 over our notes, titles and tags weighted above bodies. Runs offline in microseconds; the
 * index is built once per retriever.
 */
export function makeKnowledgeRetriever(notes: readonly KnowledgeNote[] = KNOWLEDGE_NOTES, minScore = 1): KnowledgeRetriever {
  const byId = new Map(notes.map((n) => [n.id, n]));
  const index = makeBm25Index(
    notes.map((n) => ({
      id: n.id,
      fields: [
        { text: n.title, weight: 3 },
        { text: n.tags.join(' '), weight: 2 },
        { text: n.body, weight: 1 },
      ],
    })),
  );
  return {
    retrieve(query, limit = 4) {
      return index
        .search(query, limit)
        .filter((h) => h.score >= minScore)
        .map((h) => byId.get(h.id)!);
    },
  };
}
