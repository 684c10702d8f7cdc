import type { Db } from '../db.js'
import { type FactFilter, factWhere, SCORES_OF_T, type TraceFact } from './analytics-facts.js'

/** A trace as exported: its columns, the JSON of input and output, and its packed scores. */
export type ExportRow = TraceFact & {
  session_id: string | null
  input: string | null
  output: string | null
  name: string | null
}

/** Streams interactions in [from, to), oldest first, with their scores (flat memory). */
export function iterateExportRows(
  db: Db,
  projectId: string,
  from: number,
  to: number,
  f: FactFilter = {},
  withContent = true,
) {
  const { sql, params } = factWhere(projectId, from, to, f)
  return db.iterate<ExportRow>(
    `SELECT t.id, t.name, t.timestamp, t.session_id, t.user_id, t.bot, t.version, t.variant, t.model, t.environment,
       t.prompt_name, t.prompt_version, t.status, t.error_type, t.latency_ms, t.ttft_ms, t.input_tokens, t.output_tokens,
       t.total_tokens, t.cost_usd, t.tags, ${withContent ? 't.input, t.output' : 'NULL AS input, NULL AS output'},
       ${SCORES_OF_T} AS scores
     FROM traces t WHERE ${sql} ORDER BY t.timestamp, t.id`,
    params,
  )
}
