import {
  type Db,
  readTagRollups,
  type TagConversationRollupRow,
  type TagTraceRollupRow,
} from '../store/index.js'
import type { ConvAgg, TraceAgg } from './aggregate.js'
import type { Cells, CollectOptions } from './collect.js'
import type { MetricFilter } from './dims.js'
import { tagsOf } from './facts.js'
import { convAggToRow, mergeConvRow, mergeTraceRow, NO_DIMS, traceAggToRow } from './rollup-codec.js'

/** The key of the untagged in the per-tag rollups (a tag is never empty). */
const UNTAGGED = ''

/** The per-tag rollup keys of a row's tags: each tag once, or UNTAGGED. */
export function tagKeys(json: string | null): string[] {
  const tags = tagsOf(json)
  return tags.length ? [...new Set(tags)] : [UNTAGGED]
}

/** One hour's per-tag rows from the aggregates of its online interactions and conversations. */
export function tagRows(
  projectId: string,
  hour: number,
  traces: Map<string, TraceAgg>,
  conversations: Map<string, ConvAgg>,
): { tagTraces: TagTraceRollupRow[]; tagConversations: TagConversationRollupRow[] } {
  return {
    tagTraces: [...traces].map(([tag, agg]) => ({
      ...traceAggToRow(projectId, hour, 't', NO_DIMS, '', agg),
      tag,
    })),
    tagConversations: [...conversations].map(([tag, agg]) => ({
      ...convAggToRow(projectId, hour, 't', NO_DIMS, agg),
      tag,
    })),
  }
}

/**
 * Whether the per-tag rollups answer a query: a filter on one tag, or a grouping by tag, and no
 * other condition or grouping (they hold hour totals of online environments only).
 */
export function tagRollupsCanAnswer(f: MetricFilter, o: Pick<CollectOptions, 'groupBy' | 'keyOf'>): boolean {
  const { tag, ...rest } = f
  if (o.keyOf || Object.values(rest).some((v) => v !== undefined)) return false
  return tag === undefined ? o.groupBy === 'tag' : o.groupBy === undefined
}

/** Adds the per-tag rows of the hours in [from, to) except `skip` to `cells`. */
export async function collectTagRollups(
  db: Db,
  projectId: string,
  o: CollectOptions & { cells: Cells },
  skip: Set<number>,
): Promise<void> {
  const [traces, conversations] = await readTagRollups(db, projectId, o.from, o.to, o.filter.tag)
  const group = (r: { tag: unknown }) =>
    o.groupBy !== 'tag' ? '' : r.tag === UNTAGGED ? null : String(r.tag)
  const withSketches = o.withSketches ?? true
  for (const r of traces) {
    const hour = Number(r.hour)
    if (!skip.has(hour)) mergeTraceRow(o.cells.get(group(r), hour).t, r, withSketches)
  }
  for (const r of conversations) {
    const hour = Number(r.hour)
    if (!skip.has(hour)) mergeConvRow(o.cells.get(group(r), hour).c, r)
  }
}
