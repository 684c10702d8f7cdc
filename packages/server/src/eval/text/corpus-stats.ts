import { z } from 'zod'
import { analyze } from './analysis.js'

/** Vocabulary bound: enough for a support bot's traffic, about 2 MB of JSON when persisted. */
export const CORPUS_MAX_TERMS = 50_000
/** After a prune the vocabulary shrinks to this share of the bound, so pruning is rare. */
const PRUNE_TO_SHARE = 0.9
/**
 * Below this many documents the learned IDF is blended with uniform weights: with ten documents a
 * term seen once looks "rare" by accident. At N documents the learned share is N / (N + warm-up).
 */
export const CORPUS_WARMUP_DOCUMENTS = 200

export const CorpusStatsJson = z
  .object({
    version: z.literal(1),
    documentCount: z.number().int().nonnegative(),
    maxTerms: z.number().int().positive(),
    evictedTerms: z.number().int().nonnegative(),
    terms: z.record(z.string(), z.number().int().positive()),
  })
  .refine((j) => Object.values(j.terms).every((df) => df <= j.documentCount), {
    message: 'a document frequency exceeds the document count',
    path: ['terms'],
  })
export type CorpusStatsJson = z.infer<typeof CorpusStatsJson>

/**
 * Document frequencies of stemmed content terms, learned from a project's own traffic, for IDF
 * weighting. Memory is bounded: past `maxTerms` the rarest terms are evicted (oldest first among
 * equals); an evicted term that comes back starts again from df = 1, which still marks it as rare.
 */
export class CorpusStats {
  readonly maxTerms: number
  #df = new Map<string, number>()
  #documentCount = 0
  #evicted = 0

  constructor({ maxTerms = CORPUS_MAX_TERMS }: { maxTerms?: number } = {}) {
    this.maxTerms = maxTerms
  }

  get documentCount(): number {
    return this.#documentCount
  }

  get vocabularySize(): number {
    return this.#df.size
  }

  /** Terms dropped by pruning so far. */
  get evictedTerms(): number {
    return this.#evicted
  }

  documentFrequency(term: string): number {
    return this.#df.get(term) ?? 0
  }

  /** Counts one document (for example a query or a response) given as text. */
  addDocument(text: string): void {
    this.addTerms(analyze(text).terms)
  }

  /** Counts one document given as its content terms; repeated terms count once. */
  addTerms(terms: Iterable<string>): void {
    this.#documentCount++
    for (const t of new Set(terms)) this.#df.set(t, (this.#df.get(t) ?? 0) + 1)
    if (this.#df.size > this.maxTerms) this.#prune()
  }

  /** Smoothed IDF, ln((N + 1) / (df + 1)) + 1: never zero, and 1 for every term of an empty corpus. */
  idf(term: string): number {
    return Math.log((this.#documentCount + 1) / (this.documentFrequency(term) + 1)) + 1
  }

  /** IDF blended with the uniform weight 1 while the corpus is young (see CORPUS_WARMUP_DOCUMENTS). */
  weight(term: string, warmupDocuments = CORPUS_WARMUP_DOCUMENTS): number {
    const learned = this.#documentCount / (this.#documentCount + warmupDocuments)
    return learned * this.idf(term) + (1 - learned)
  }

  toJSON(): CorpusStatsJson {
    return {
      version: 1,
      documentCount: this.#documentCount,
      maxTerms: this.maxTerms,
      evictedTerms: this.#evicted,
      terms: Object.fromEntries(this.#df),
    }
  }

  /** Restores persisted statistics; throws a ZodError on malformed input. */
  static fromJSON(json: unknown): CorpusStats {
    const j = CorpusStatsJson.parse(json)
    const stats = new CorpusStats({ maxTerms: j.maxTerms })
    stats.#documentCount = j.documentCount
    stats.#evicted = j.evictedTerms
    for (const [term, df] of Object.entries(j.terms)) stats.#df.set(term, df)
    if (stats.#df.size > stats.maxTerms) stats.#prune()
    return stats
  }

  #prune(): void {
    const target = Math.floor(this.maxTerms * PRUNE_TO_SHARE)
    // Array.prototype.sort is stable, so among equal frequencies the oldest terms go first.
    const byRarity = [...this.#df].sort((a, b) => a[1] - b[1])
    const drop = this.#df.size - target
    for (let i = 0; i < drop; i++) this.#df.delete(byRarity[i]![0])
    this.#evicted += drop
  }
}
