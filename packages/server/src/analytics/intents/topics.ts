import { type Db, recentQueries } from '../../store/index.js'
import { fromJson, userQueryOf } from '../conversations/text.js'
import type { Window } from '../window.js'
import { dot, kmeans, normalize, type Vec } from './kmeans.js'
import { normalizeQuestion, stem, words } from './terms.js'

/** Queries clustered per call (the newest ones in the window). */
export const TOPIC_SAMPLE_MAX = 2000
const MAX_TOPICS = 12
const LABEL_TERMS = 3
const EXAMPLES = 3

export type Topic = {
  label: string
  terms: string[]
  size: number
  share: number
  examples: string[]
  qualityMean: number | null
}

export type TopicsResult = {
  sampled: number
  topics: Topic[]
  /** Share of sampled queries asked more than once word for word (a response cache would answer them). */
  repeatedShare: number | null
  method: string
}

export const TOPICS_METHOD =
  'TF-IDF vectors of the user queries (stop words dropped, light stemming), spherical k-means with k-means++ seeding, ' +
  'k = √(n/4) capped at 12; each topic is labelled by the heaviest terms of its centroid'

/** Top intents/topics of the users' queries in a window, by clustering them. */
export async function topTopics(
  db: Db,
  projectId: string,
  w: Window,
  o: { bot?: string; limit?: number } = {},
): Promise<TopicsResult> {
  const rows = await recentQueries(db, projectId, w.from, w.to, o.limit ?? TOPIC_SAMPLE_MAX, o.bot)
  const docs = rows
    .map((r) => ({
      text: userQueryOf(fromJson(r.input)).trim(),
      quality: r.quality === null ? null : Number(r.quality),
    }))
    .filter((d) => d.text.length > 0)
    .map((d) => ({ ...d, terms: words(d.text).map(stem) }))
  const seen = new Map<string, number>()
  for (const d of docs) seen.set(normalizeQuestion(d.text), (seen.get(normalizeQuestion(d.text)) ?? 0) + 1)
  const repeated = docs.filter((d) => (seen.get(normalizeQuestion(d.text)) ?? 0) > 1).length
  const result: TopicsResult = {
    sampled: docs.length,
    topics: [],
    repeatedShare: docs.length ? repeated / docs.length : null,
    method: TOPICS_METHOD,
  }
  const usable = docs.filter((d) => d.terms.length > 0)
  if (usable.length === 0) return result

  // Labels show each stem as the word users wrote most often ("arriv" reads as "arrived").
  const surface = new Map<string, Map<string, number>>()
  for (const d of usable) {
    for (const w of words(d.text)) {
      const forms = surface.get(stem(w)) ?? new Map<string, number>()
      forms.set(w, (forms.get(w) ?? 0) + 1)
      surface.set(stem(w), forms)
    }
  }
  const shown = (t: string) => [...(surface.get(t) ?? new Map([[t, 1]]))].sort((a, b) => b[1] - a[1])[0]![0]
  const df = new Map<string, number>()
  for (const d of usable) for (const t of new Set(d.terms)) df.set(t, (df.get(t) ?? 0) + 1)
  const vectors = usable.map((d) => {
    const v: Vec = new Map()
    for (const t of d.terms) v.set(t, (v.get(t) ?? 0) + 1)
    for (const [t, tf] of v) v.set(t, tf * Math.log((1 + usable.length) / (1 + df.get(t)!) + 1))
    return normalize(v)
  })
  const k = Math.max(1, Math.min(MAX_TOPICS, Math.round(Math.sqrt(usable.length / 4)), usable.length))
  const { assignment, centroids } = kmeans(vectors, k)
  result.topics = centroids
    .map((c, i) => {
      const members = usable.flatMap((d, j) => (assignment[j] === i ? [{ d, sim: dot(vectors[j]!, c) }] : []))
      const top = [...c]
        .sort((a, b) => b[1] - a[1])
        .slice(0, LABEL_TERMS)
        .map(([t]) => shown(t))
      const q = members.map((m) => m.d.quality).filter((x): x is number => x !== null)
      const examples = [...new Set(members.sort((a, b) => b.sim - a.sim).map((m) => m.d.text))].slice(
        0,
        EXAMPLES,
      )
      return {
        label: top.join(' / '),
        terms: top,
        size: members.length,
        share: members.length / usable.length,
        examples,
        qualityMean: q.length ? q.reduce((s, x) => s + x, 0) / q.length : null,
      }
    })
    .filter((t) => t.size > 0)
    .sort((a, b) => b.size - a.size)
  return result
}
