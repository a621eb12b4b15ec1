/**
 * Okapi BM25 over short documents, written out (the knowledge base is ~40 notes; no library
 * needed). Fields are weighted by repeating their tokens.
 */
export interface Bm25Document {
  id: string;
  fields: { text: string; weight: number }[];
}

export interface Bm25Hit {
  id: string;
  score: number;
}

export interface Bm25Options {
  k1: number;
  b: number;
}

const STOPWORDS = new Set(
  'a an and are as at be but by can do does for from has have how i if in into is it its make me my of on or our so than that the their them then there these this to too use using was we what when where which while who why will with you your'.split(' '),
);

/** Lower-case word stems; "useCurrentFrame" also yields "use", "current", "frame". */
export function tokenize(text: string): string[] {
  const out: string[] = [];
  for (const raw of text.match(/[A-Za-z0-9]+/g) ?? []) {
    const lower = raw.toLowerCase();
    const pieces = raw.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase().split(' ');
    for (const word of pieces.length > 1 ? [lower, ...pieces] : [lower]) {
      if (word.length < 2 || STOPWORDS.has(word)) continue;
      out.push(stem(word));
    }
  }
  return out;
}

/** A deliberately tiny stemmer: plurals and -ing/-ed, enough for "beats"/"beat", "fonts"/"font". */
export function stem(word: string): string {
  // Plural first, then -ing/-ed, each keeping a stem of 4+ letters ("springs" -> "spring", not "spr").
  let w = word;
  if (w.length > 4 && w.endsWith('ies')) w = `${w.slice(0, -3)}y`;
  else if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1);
  if (w.length >= 7 && w.endsWith('ing')) w = w.slice(0, -3);
  else if (w.length >= 6 && w.endsWith('ed')) w = w.slice(0, -2);
  return w;
}

export interface Bm25Index {
  search(query: string, limit: number): Bm25Hit[];
  readonly size: number;
}

export function makeBm25Index(docs: readonly Bm25Document[], options: Partial<Bm25Options> = {}): Bm25Index {
  const { k1, b } = { k1: 1.2, b: 0.75, ...options };
  const termFreqs: Map<string, number>[] = [];
  const lengths: number[] = [];
  const docFreq = new Map<string, number>();
  for (const doc of docs) {
    const tf = new Map<string, number>();
    let length = 0;
    for (const field of doc.fields) {
      for (const token of tokenize(field.text)) {
        tf.set(token, (tf.get(token) ?? 0) + field.weight);
        length += field.weight;
      }
    }
    for (const term of tf.keys()) docFreq.set(term, (docFreq.get(term) ?? 0) + 1);
    termFreqs.push(tf);
    lengths.push(length);
  }
  const avgLength = lengths.reduce((x, y) => x + y, 0) / Math.max(1, lengths.length);
  const idf = (term: string) => {
    const n = docFreq.get(term) ?? 0;
    return Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
  };
  return {
    size: docs.length,
    search(query, limit) {
      const terms = [...new Set(tokenize(query))];
      const hits: Bm25Hit[] = [];
      termFreqs.forEach((tf, i) => {
        let score = 0;
        for (const term of terms) {
          const f = tf.get(term);
          if (!f) continue;
          score += (idf(term) * f * (k1 + 1)) / (f + k1 * (1 - b + (b * lengths[i]!) / avgLength));
        }
        if (score > 0) hits.push({ id: docs[i]!.id, score });
      });
      return hits.sort((x, y) => y.score - x.score || x.id.localeCompare(y.id)).slice(0, limit);
    },
  };
}
