import { type Db, type ExportRow, iterateExportRows } from '../store/index.js'
import { collectTotal } from './collect.js'
import { botResponseOf, fromJson, userQueryOf } from './conversations/text.js'
import type { MetricFilter } from './dims.js'
import { categoryOf, parseScores } from './facts.js'
import type { Window } from './window.js'

export type ExportFormat = 'csv' | 'jsonl'
export type ExportOptions = { format: ExportFormat; window: Window; filter: MetricFilter; content?: boolean }

/** Output is handed over in chunks of about this size. */
const CHUNK_CHARS = 64 * 1024

const BASE_COLUMNS = [
  'id', 'timestamp', 'session_id', 'user_id', 'bot', 'version', 'variant', 'model', 'environment', 'prompt_name',
  'prompt_version', 'category', 'status', 'error_type', 'latency_ms', 'ttft_ms', 'input_tokens', 'output_tokens',
  'total_tokens', 'cost_usd', 'tags',
] as const // biome-ignore format: a table of column names

/**
 * A CSV cell (RFC 4180). Text starting with = + - @ is prefixed with ' so spreadsheets show it
 * instead of running it as a formula (users' messages are untrusted).
 */
export function csvCell(v: unknown): string {
  if (v === null || v === undefined) return ''
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : ''
  let s = String(v)
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s
}

function record(r: ExportRow, content: boolean) {
  const scores = parseScores(r.scores)
  const byName: Record<string, number | string> = {}
  for (const s of scores) {
    const v = s.value ?? s.label
    if (v !== null) byName[s.name] = v
  }
  return {
    id: r.id,
    timestamp: new Date(Number(r.timestamp)).toISOString(),
    session_id: r.session_id,
    user_id: r.user_id,
    bot: r.bot,
    version: r.version,
    variant: r.variant,
    model: r.model,
    environment: r.environment,
    prompt_name: r.prompt_name,
    prompt_version: r.prompt_version === null ? null : Number(r.prompt_version),
    category: categoryOf(scores),
    status: r.status,
    error_type: r.error_type,
    latency_ms: r.latency_ms === null ? null : Number(r.latency_ms),
    ttft_ms: r.ttft_ms === null ? null : Number(r.ttft_ms),
    input_tokens: r.input_tokens === null ? null : Number(r.input_tokens),
    output_tokens: r.output_tokens === null ? null : Number(r.output_tokens),
    total_tokens: r.total_tokens === null ? null : Number(r.total_tokens),
    cost_usd: r.cost_usd === null ? null : Number(r.cost_usd),
    tags: JSON.parse(r.tags || '[]') as string[],
    ...(content ? { input: fromJson(r.input), output: fromJson(r.output) } : {}),
    scores: byName,
  }
}

/**
 * Interactions with their scores as CSV or JSON Lines, streamed oldest first: rows are read
 * through a cursor and handed out in chunks, so memory stays flat for millions of rows. CSV
 * has one column per score name seen in the window (score.<name>); JSONL nests them.
 */
export async function* exportInteractions(
  db: Db,
  projectId: string,
  o: ExportOptions,
  onRow?: (n: number) => void,
): AsyncGenerator<string> {
  const content = o.content ?? true
  const { userId: _u, tag: _t, ...rest } = o.filter
  let scoreNames: string[] = []
  let buffer = ''
  if (o.format === 'csv') {
    // The rollups know every score name in the window without reading the scores.
    const total = await collectTotal(db, projectId, { ...o.window, filter: rest, withSketches: false })
    scoreNames = [...total.t.scores.keys()].filter((n) => n !== 'category').sort()
    const header = [
      ...BASE_COLUMNS,
      ...(content ? ['input', 'output'] : []),
      ...scoreNames.map((n) => `score.${n}`),
    ]
    buffer = `${header.join(',')}\n`
  }
  let n = 0
  for await (const row of iterateExportRows(db, projectId, o.window.from, o.window.to, o.filter, content)) {
    const rec = record(row, content)
    // Category lives in the scores, so it is the one filter applied here rather than in SQL.
    if (o.filter.category !== undefined && rec.category !== o.filter.category) continue
    if (o.format === 'jsonl') buffer += `${JSON.stringify(rec)}\n`
    else {
      const cells: unknown[] = BASE_COLUMNS.map((c) => (c === 'tags' ? rec.tags.join(';') : rec[c]))
      if (content) cells.push(userQueryOf(rec.input), botResponseOf(rec.output))
      for (const name of scoreNames) cells.push(rec.scores[name])
      buffer += `${cells.map(csvCell).join(',')}\n`
    }
    n++
    if (buffer.length >= CHUNK_CHARS) {
      yield buffer
      buffer = ''
      onRow?.(n)
    }
  }
  if (buffer) yield buffer
  onRow?.(n)
}
