/**
 * Asset suggestions (issue 18, step 2): the project's assets ranked for a scene's text by words
 * they share — the file name, tags and a description (written once by Gemini where there is one).
 * Lexical and local, so it works offline; rare words count more than common ones (BM25 weights).
 */

export interface DescribedAsset {
  id: string;
  name: string;
  /** MIME type: only pictures and footage can be a scene's visual. */
  type: string;
  tags?: string[];
  description?: string;
}

export interface AssetSuggestion {
  assetId: string;
  name: string;
  score: number;
  /** The scene words the asset matched, for "why this one". */
  matched: string[];
}

const STOP = new Set('a an and are as at be by for from has have in is it its of on or that the this to was were will with into over under your you our we they their them then than there here what when where which who why how about after before up out off very just also can not no yes do does did'.split(' '));

/** Lower-case word stems: split on non-letters (camelCase and file-name separators too), drop stop words, fold plurals. */
export function wordsOf(text: string): string[] {
  return text
    .replace(/([a-z])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 1 && !STOP.has(w) && !/^\d+$/.test(w))
    .map(stem);
}

function stem(w: string): string {
  if (w.length > 4 && w.endsWith('ies')) return `${w.slice(0, -3)}y`;
  if (w.length > 3 && w.endsWith('es') && /(sh|ch|x|s)es$/.test(w)) return w.slice(0, -2);
  if (w.length > 3 && w.endsWith('s') && !w.endsWith('ss')) return w.slice(0, -1);
  return w;
}

const VISUAL = /^(image|video)\//;

/** The top `limit` visual assets for `sceneText`, best first; assets sharing no word are left out. */
export function suggestAssets(sceneText: string, assets: readonly DescribedAsset[], limit = 3): AssetSuggestion[] {
  const query = [...new Set(wordsOf(sceneText))];
  const docs = assets.filter((a) => VISUAL.test(a.type)).map((a) => ({ asset: a, words: wordsOf([a.name.replace(/\.[a-z0-9]+$/i, ''), ...(a.tags ?? []), a.description ?? ''].join(' ')) }));
  if (!query.length || !docs.length) return [];
  const avgLen = docs.reduce((n, d) => n + d.words.length, 0) / docs.length || 1;
  const df = new Map(query.map((q) => [q, docs.filter((d) => d.words.includes(q)).length]));
  const k1 = 1.2;
  const b = 0.75;
  return docs
    .map(({ asset, words }) => {
      let score = 0;
      const matched: string[] = [];
      for (const q of query) {
        const tf = words.filter((w) => w === q).length;
        if (!tf) continue;
        matched.push(q);
        const n = df.get(q)!;
        const idf = Math.log(1 + (docs.length - n + 0.5) / (n + 0.5));
        score += (idf * tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * words.length) / avgLen));
      }
      return { assetId: asset.id, name: asset.name, score: Math.round(score * 1000) / 1000, matched };
    })
    .filter((s) => s.score > 0)
    .sort((x, y) => y.score - x.score || x.name.localeCompare(y.name))
    .slice(0, limit);
}
