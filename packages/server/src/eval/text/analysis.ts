import { buildChunks, type Chunks } from './chunks.js'
import { stem } from './porter-stemmer.js'
import { type Segmentation, splitSentences } from './sentences.js'
import { isStopWord } from './stop-words.js'
import { countWords, type Word, wordList } from './tokenize.js'

/**
 * One text, tokenized once. Every field is computed on first use and kept, so evaluators that run
 * over the same response share the work. `analyze` memoizes the last few texts for the same reason.
 */
export class TextAnalysis {
  #list?: Word[]
  #words?: string[]
  #starts: number[] = []
  #ends: number[] = []
  #chunks?: Chunks
  #lower?: string[]
  #terms?: string[]
  #termCounts?: Map<string, number>
  #segmentation?: Segmentation
  #sentenceWords?: number[]

  constructor(readonly text: string) {}

  /** The interned words, in text order; `words` and `lower` are their two spellings. */
  get wordList(): Word[] {
    this.#list ??= wordList(this.text, this.#starts, this.#ends)
    return this.#list
  }

  /** Word tokens in their original case. */
  get words(): string[] {
    this.#words ??= this.wordList.map((w) => w.text)
    return this.#words
  }

  /** Whitespace-separated chunks aligned with `words` (see chunks.ts). */
  get chunks(): Chunks {
    if (!this.#chunks) {
      void this.wordList // tokenizing records the word offsets that buildChunks aligns with
      this.#chunks = buildChunks(this.text, this.#starts, this.#ends)
    }
    return this.#chunks
  }

  /** Word tokens lower-cased. */
  get lower(): string[] {
    this.#lower ??= this.wordList.map((w) => w.lower)
    return this.#lower
  }

  /** Content terms: stemmed words without stop words, one-letter tokens or one-digit numbers. */
  get terms(): string[] {
    if (!this.#terms) {
      const out: string[] = []
      for (const w of this.wordList) {
        if (w.term === undefined) w.term = termOf(w.lower)
        if (w.term !== null) out.push(w.term)
      }
      this.#terms = out
    }
    return this.#terms
  }

  /** Term frequencies of `terms`. */
  get termCounts(): Map<string, number> {
    if (!this.#termCounts) {
      const counts = new Map<string, number>()
      for (const t of this.terms) counts.set(t, (counts.get(t) ?? 0) + 1)
      this.#termCounts = counts
    }
    return this.#termCounts
  }

  get segmentation(): Segmentation {
    this.#segmentation ??= splitSentences(this.text)
    return this.#segmentation
  }

  /** Word count of each sentence of `segmentation`, in the same order. */
  get sentenceWords(): number[] {
    if (!this.#sentenceWords) {
      void this.wordList // tokenizing records the word offsets used below
      const starts = this.#starts
      let k = 0
      // Sentences with offsets are in text order, so one pointer over the word starts counts them.
      this.#sentenceWords = this.segmentation.sentences.map((s) => {
        if (s.start === undefined || s.end === undefined) return countWords(s.text)
        while (k < starts.length && starts[k]! < s.start) k++
        const first = k
        while (k < starts.length && starts[k]! < s.end) k++
        return k - first
      })
    }
    return this.#sentenceWords
  }
}

const TERM_CACHE_MAX_ENTRIES = 50_000
/** Lower-case word → its content term, or null for stop words; one lookup per token. */
const termCache = new Map<string, string | null>()

function termOf(raw: string): string | null {
  let t = termCache.get(raw)
  if (t === undefined) {
    const w = raw.endsWith("'s") ? raw.slice(0, -2) : raw
    t = w.length < 2 || isStopWord(w) || w.includes("'") ? null : stem(w)
    if (termCache.size >= TERM_CACHE_MAX_ENTRIES) termCache.clear()
    termCache.set(raw, t)
  }
  return t
}

export function contentTerms(lowerWords: readonly string[]): string[] {
  const out: string[] = []
  for (const raw of lowerWords) {
    const t = termOf(raw)
    if (t !== null) out.push(t)
  }
  return out
}

/** Small on purpose: a turn needs its query and response, and analyses kept longer would outlive
 * the young generation and be promoted, which makes garbage collection far more expensive. */
const ANALYSIS_CACHE_ENTRIES = 8
const cache = new Map<string, TextAnalysis>()

/** The analysis of `text`, shared with other callers that analysed the same text recently. */
export function analyze(text: string): TextAnalysis {
  let a = cache.get(text)
  if (a) return a
  a = new TextAnalysis(text)
  if (cache.size >= ANALYSIS_CACHE_ENTRIES) cache.delete(cache.keys().next().value!)
  cache.set(text, a)
  return a
}
