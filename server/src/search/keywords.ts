/** jieba word segmentation (@node-rs/jieba) for keywords and ranking; loaded once, lazily. */
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

interface JiebaLike {
  cut(s: string, hmm?: boolean): string[];
}
interface TfIdfLike {
  extractKeywords(j: JiebaLike, s: string, k: number): { keyword: string; weight: number }[];
}

let loaded: { jieba: JiebaLike; tfidf: TfIdfLike } | null = null;

function jieba() {
  if (!loaded) {
    const { Jieba, TfIdf } = require('@node-rs/jieba') as {
      Jieba: { withDict(d: Uint8Array): JiebaLike };
      TfIdf: { withDict(d: Uint8Array): TfIdfLike };
    };
    const { dict, idf } = require('@node-rs/jieba/dict') as { dict: Uint8Array; idf: Uint8Array };
    loaded = { jieba: Jieba.withDict(dict), tfidf: TfIdf.withDict(idf) };
  }
  return loaded;
}

const STOP = new Set(['的', '了', '和', '与', '及', '等', '在', '对', '是', '为', '关于', '通知', '有关']);

/** The top `k` TF-IDF keywords of a text (used when the drafter leaves 关键词 empty, and for ranking). */
export function extractKeywords(text: string, k = 5): string[] {
  const { jieba: j, tfidf } = jieba();
  return tfidf
    .extractKeywords(j, text.slice(0, 5000), k + 4)
    .map((x) => x.keyword)
    .filter((w) => w.trim().length > 1 && !STOP.has(w) && !/^\d+$/.test(w))
    .slice(0, k);
}

/** Words of a query (search-mode cut), used to rank items whose keywords contain them higher. */
export function queryWords(q: string): string[] {
  const { jieba: j } = jieba();
  return [
    ...new Set(
      j
        .cut(q, true)
        .map((w) => w.trim())
        .filter((w) => w.length > 1 && !STOP.has(w)),
    ),
  ];
}
