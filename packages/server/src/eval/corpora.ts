import { type Db, loadCorpus, saveCorpus } from '../store/index.js'
import { CorpusStats } from './text/corpus-stats.js'

/** Persist a project's corpus after this many new documents, or this long after the last save. */
const SAVE_EVERY_DOCUMENTS = 500
const SAVE_EVERY_MS = 30_000

type Entry = { stats: CorpusStats; unsaved: number; savedAt: number }

/**
 * Each project's term statistics (for relevance's IDF), learned from its own queries and
 * responses as they are evaluated, and saved now and then. Losing the last few documents in a
 * crash only makes the IDF a little less informed.
 */
export class ProjectCorpora {
  private readonly entries = new Map<string, Promise<Entry>>()
  constructor(private readonly db: Db) {}

  get(projectId: string): Promise<Entry> {
    let entry = this.entries.get(projectId)
    if (!entry) {
      entry = loadCorpus(this.db, projectId).then((json) => ({
        stats: json ? CorpusStats.fromJSON(JSON.parse(json)) : new CorpusStats(),
        unsaved: 0,
        savedAt: Date.now(),
      }))
      this.entries.set(projectId, entry)
      entry.catch(() => this.entries.delete(projectId))
    }
    return entry
  }

  async learn(projectId: string, documents: string[]): Promise<void> {
    const entry = await this.get(projectId)
    for (const d of documents) if (d) entry.stats.addDocument(d)
    entry.unsaved += documents.length
  }

  /** Saves corpora that changed enough, or all that changed when `force`. */
  async save(force = false, now = Date.now()): Promise<void> {
    for (const [projectId, pending] of this.entries) {
      const entry = await pending
      if (entry.unsaved === 0) continue
      if (!force && entry.unsaved < SAVE_EVERY_DOCUMENTS && now - entry.savedAt < SAVE_EVERY_MS) continue
      await saveCorpus(this.db, projectId, JSON.stringify(entry.stats), entry.stats.documentCount, now)
      entry.unsaved = 0
      entry.savedAt = now
    }
  }
}
