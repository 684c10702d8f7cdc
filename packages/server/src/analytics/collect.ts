import { type Db, dirtyHoursBetween, readConversationRollups, readTraceRollups } from '../store/index.js'
import { type Agg, emptyAgg } from './aggregate.js'
import { collectRaw } from './collect-raw.js'
import {
  type Dims,
  type GroupDimension,
  type GroupKey,
  groupOf,
  inScope,
  type MetricFilter,
  rollupCanAnswer,
  rollupDimFilter,
} from './dims.js'
import { getOrCreate } from './maps.js'
import { mergeConvRow, mergeTraceRow, rowDims } from './rollup-codec.js'
import { collectTagRollups, tagRollupsCanAnswer } from './rollup-tags.js'
import { HOUR_MS } from './window.js'

export type CollectOptions = {
  from: number
  to: number
  filter: MetricFilter
  groupBy?: GroupDimension
  /** Split into time buckets of this size (UTC-aligned), for series. */
  bucketMs?: number
  /** Decode latency sketches (percentiles); skip when only means and counts are needed. */
  withSketches?: boolean
  /** A custom grouping over rollup dimensions (wins over groupBy), e.g. bot and model together. */
  keyOf?: (d: Dims) => GroupKey
}

export type Cell = { group: GroupKey; bucket: number | null; agg: Agg }

/** Cells keyed by group and bucket; adding to one creates it. */
export class Cells {
  readonly map = new Map<string, Cell>()
  constructor(private readonly bucketMs: number | undefined) {}

  get(group: GroupKey, time: number): Agg {
    const bucket = this.bucketMs ? time - (time % this.bucketMs) : null
    const key = `${group ?? '\u0000'}|${bucket ?? ''}`
    return getOrCreate(this.map, key, () => ({ group, bucket, agg: emptyAgg() })).agg
  }

  list(): Cell[] {
    return [...this.map.values()]
  }
}

const ceilHour = (ms: number) => Math.ceil(ms / HOUR_MS) * HOUR_MS
const floorHour = (ms: number) => Math.floor(ms / HOUR_MS) * HOUR_MS

/**
 * Aggregates interactions in [from, to) and conversations started in it. Whole hours come from
 * the rollups, except hours still queued for a rebuild, which are read raw like the partial
 * hours at the edges; results are therefore exact for percentiles up to the sketch error and
 * never stale. A filter on one tag alone, or a grouping by tag, reads the per-tag rollups the same
 * way; filters on user, or on a tag with other conditions, read raw rows for the whole window.
 */
export async function collect(db: Db, projectId: string, o: CollectOptions): Promise<Cells> {
  const cells = new Cells(o.bucketMs)
  const byTag = tagRollupsCanAnswer(o.filter, o)
  if (!byTag && !rollupCanAnswer(o.filter, o.groupBy)) {
    await collectRaw(db, projectId, { ...o, cells })
    return cells
  }
  const fullFrom = ceilHour(o.from)
  const fullTo = floorHour(o.to)
  if (fullFrom >= fullTo) {
    await collectRaw(db, projectId, { ...o, cells })
    return cells
  }
  const rawRanges: [number, number][] = []
  if (o.from < fullFrom) rawRanges.push([o.from, fullFrom])
  if (fullTo < o.to) rawRanges.push([fullTo, o.to])
  const dirty = new Set(await dirtyHoursBetween(db, projectId, fullFrom, fullTo))
  for (const h of [...dirty].sort((a, b) => a - b)) {
    const last = rawRanges[rawRanges.length - 1]
    if (last && last[1] === h) last[1] = h + HOUR_MS
    else rawRanges.push([h, h + HOUR_MS])
  }
  if (byTag) {
    await collectTagRollups(db, projectId, { ...o, from: fullFrom, to: fullTo, cells }, dirty)
    for (const [from, to] of rawRanges) await collectRaw(db, projectId, { ...o, from, to, cells })
    return cells
  }

  const dims = rollupDimFilter(o.filter)
  // Unfiltered and ungrouped: the hour totals, one row per hour whatever the cardinality.
  const grain = Object.keys(dims).length === 0 && !o.groupBy && !o.keyOf ? 't' : 'd'
  const [traceRows, convRows] = await Promise.all([
    readTraceRollups(db, projectId, fullFrom, fullTo, grain, dims),
    readConversationRollups(db, projectId, fullFrom, fullTo, grain, dims),
  ])
  const groupOfRow = grain === 't' ? () => '' : (o.keyOf ?? ((d: Dims) => groupOf(d, o.groupBy)))
  const withSketches = o.withSketches ?? true
  // Hour totals ('t') already leave offline environments out; dimension rows are checked here.
  const counts = (r: Parameters<typeof rowDims>[0]) =>
    grain === 't' || inScope(rowDims(r).environment, o.filter)
  for (const r of traceRows) {
    const hour = Number(r.hour)
    if (!dirty.has(hour) && counts(r))
      mergeTraceRow(cells.get(groupOfRow(rowDims(r)), hour).t, r, withSketches)
  }
  for (const r of convRows) {
    const hour = Number(r.hour)
    if (!dirty.has(hour) && counts(r)) mergeConvRow(cells.get(groupOfRow(rowDims(r)), hour).c, r)
  }
  for (const [from, to] of rawRanges) await collectRaw(db, projectId, { ...o, from, to, cells })
  return cells
}

/** One aggregate per group over the whole window. */
export async function collectGroups(
  db: Db,
  projectId: string,
  o: Omit<CollectOptions, 'bucketMs'>,
): Promise<Cell[]> {
  return (await collect(db, projectId, o)).list()
}

/** The whole window as one aggregate. */
export async function collectTotal(
  db: Db,
  projectId: string,
  o: Omit<CollectOptions, 'bucketMs' | 'groupBy'>,
): Promise<Agg> {
  const [cell] = (await collect(db, projectId, o)).list()
  return cell?.agg ?? emptyAgg()
}
