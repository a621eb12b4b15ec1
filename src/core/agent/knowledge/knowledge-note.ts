/** One short note of Remotion and motion-design practice, written by us and shipped with the app. */
export interface KnowledgeNote {
  id: string;
  title: string;
  tags: readonly string[];
  /** A few sentences, with a code line where it helps. Kept short: several go into each prompt. */
  body: string;
}
