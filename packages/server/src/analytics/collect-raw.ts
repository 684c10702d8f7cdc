import {
  type Db,
  type FactFilter,
  feedbackSatisfaction,
  iterateSessionFacts,
  iterateTraceFacts,
  loadSessionFacts,
  loadTraceFacts,
  type SessionFact,
} from '../store/index.js'
import type { Cells, CollectOptions } from './collect.js'
import { type Dims, type GroupKey, groupOf, matchesDims } from './dims.js'
import {
  addSessionFact,
  addTraceFact,
  categoryOf,
  parseScores,
  satisfactionOf,
  sessionDims,
  tagsOf,
  traceDims,
} from './facts.js'
import { HOUR_MS } from './window.js'

/** Ranges up to this long are loaded at once; longer ones are streamed (flat memory). */
const LOAD_AT_ONCE_MAX_MS = 6 * HOUR_MS
/** Conversations whose feedback is looked up in one query. */
const FEEDBACK_BATCH = 500

function factFilter(f: CollectOptions['filter']): FactFilter {
  const { category: _category, ...rest } = f
  return rest
}

/** The groups a row belongs to: one, or one per tag when grouping by tag. */
function groupsOf(o: CollectOptions, dims: Dims, user: string | null, tags: () => string[]): GroupKey[] {
  const by = o.groupBy
  if (o.keyOf) return [o.keyOf(dims)]
  if (by === 'user') return [user]
  if (by === 'tag') {
    const t = tags()
    return t.length ? t : [null]
  }
  return [groupOf(dims, by)]
}

/** Aggregates raw rows of [from, to) into `cells`: what the rollups would hold, computed now. */
export async function collectRaw(
  db: Db,
  projectId: string,
  o: CollectOptions & { cells: Cells },
): Promise<void> {
  const { from, to, filter, cells } = o
  const small = to - from <= LOAD_AT_ONCE_MAX_MS
  const traces = small
    ? await loadTraceFacts(db, projectId, from, to, factFilter(filter))
    : iterateTraceFacts(db, projectId, from, to, factFilter(filter))
  for await (const f of traces) {
    const scores = parseScores(f.scores)
    const category = categoryOf(scores)
    if (filter.category !== undefined && category !== filter.category) continue
    const dims = traceDims(f, category)
    if (!matchesDims(dims, filter)) continue
    for (const g of groupsOf(o, dims, f.user_id, () => tagsOf(f.tags))) {
      addTraceFact(cells.get(g, Number(f.timestamp)).t, f, scores, category)
    }
  }

  const sessions = small
    ? await loadSessionFacts(db, projectId, from, to, filter)
    : iterateSessionFacts(db, projectId, from, to, filter)
  let batch: SessionFact[] = []
  const flush = async () => {
    const feedback = await feedbackSatisfaction(
      db,
      projectId,
      batch.filter((s) => s.satisfaction === null).map((s) => s.id),
    )
    for (const f of batch) {
      const dims = sessionDims(f)
      for (const g of groupsOf(o, dims, f.s_user_id ?? f.f_user_id, () => tagsOf(f.f_tags))) {
        addSessionFact(cells.get(g, Number(f.started_at)).c, f, satisfactionOf(f, feedback.get(f.id)))
      }
    }
    batch = []
  }
  for await (const f of sessions) {
    if (!matchesDims(sessionDims(f), filter)) continue
    if (filter.tag !== undefined && !tagsOf(f.f_tags).includes(filter.tag)) continue
    batch.push(f)
    if (batch.length >= FEEDBACK_BATCH) await flush()
  }
  await flush()
}
