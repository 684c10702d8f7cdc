import type { Query } from '../../lib/api.js'
import type { Page, Score, Trace } from '../../lib/api-types.js'
import { useApi } from '../../lib/use-api.js'

/** How many of the newest traces and judge scores of the view are looked at. */
export const SIMULATED_SAMPLE = 50
/** The judge's rubric always writes this score; asking by name uses the (name, time) index. */
const JUDGE_SCORE = 'judge_overall'

export type SimulatedInfo = {
  traces: { sampled: number; simulated: number }
  judge: { sampled: number; simulated: number }
}

const isSimulated = (metadata: Record<string, unknown> | null | undefined) => metadata?.simulated === true

/**
 * Whether the data in view came from chatlens' simulated model or judge: the chatbot marks its
 * traces `metadata.simulated`, the evaluation worker marks judge scores the same way. It looks at
 * the newest ones of the window (with the filters the traces API takes).
 */
export function useSimulated(query: Query, refresh: number): SimulatedInfo | null {
  const { category: _c, ...traceQuery } = query
  const traces = useApi<Page<Trace>>(
    '/api/v1/traces',
    { ...traceQuery, limit: SIMULATED_SAMPLE, view: 'summary' },
    refresh,
  )
  const scores = useApi<Page<Score>>(
    '/api/v1/scores',
    { from: query.from, to: query.to, name: JUDGE_SCORE, source: 'judge', limit: SIMULATED_SAMPLE },
    refresh,
  )
  if (!traces.data || !scores.data) return null
  return {
    traces: {
      sampled: traces.data.data.length,
      simulated: traces.data.data.filter((t) => isSimulated(t.metadata)).length,
    },
    judge: {
      sampled: scores.data.data.length,
      simulated: scores.data.data.filter((s) => isSimulated(s.metadata)).length,
    },
  }
}
