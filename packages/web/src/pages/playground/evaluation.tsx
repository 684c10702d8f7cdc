import { useEffect, useState } from 'preact/hooks'
import { Badge } from '../../components/misc.js'
import { apiGet } from '../../lib/api.js'
import type { EvalJob, Page, Score } from '../../lib/api-types.js'
import { formatScore } from '../../lib/format.js'

const POLL_MS = 400
/** Heuristics take well under a second; a judge on a real model may take a while. */
const GIVE_UP_MS = 60_000
const FIRST = ['quality', 'relevance', 'coherence', 'sentiment', 'toxicity']
const LOWER_IS_BETTER = new Set(['toxicity', 'pii_leak', 'refusal', 'judge_toxicity', 'hallucination'])

type State = { scores: Score[]; pending: number; jobs: number; gaveUp: boolean }

/** A 0..1 score's tone: good, middling or bad, the right way round for "lower is better" scores. */
function tone(s: Score): string {
  if (s.value === null || s.value < 0 || s.value > 1) return 'tag'
  const v = LOWER_IS_BETTER.has(s.name) ? 1 - s.value : s.value
  return v >= 0.8 ? 'ok' : v >= 0.6 ? 'warn' : 'error'
}

/**
 * The evaluation of one answer: polls the trace's evaluation jobs and scores until no job is
 * pending (heuristics usually land in under a second), then shows every score of the turn.
 */
export function Evaluation({ traceId }: { traceId: string }) {
  const [s, setS] = useState<State | null>(null)
  useEffect(() => {
    let stopped = false
    const started = Date.now()
    const poll = async () => {
      try {
        const [jobs, scores] = await Promise.all([
          apiGet<Page<EvalJob>>('/api/v1/evaluations/jobs', { traceId, limit: 50 }),
          apiGet<Page<Score>>('/api/v1/scores', { traceId, limit: 200 }),
        ])
        if (stopped) return
        const pending = jobs.data.filter((j) => j.status === 'pending' || j.status === 'running').length
        const gaveUp = pending > 0 && Date.now() - started > GIVE_UP_MS
        setS({
          scores: scores.data.filter((x) => x.spanId === null),
          pending,
          jobs: jobs.data.length,
          gaveUp,
        })
        if (pending > 0 && !gaveUp) setTimeout(poll, POLL_MS)
      } catch {
        if (!stopped) setTimeout(poll, POLL_MS * 5)
      }
    }
    poll()
    return () => {
      stopped = true
    }
  }, [traceId])

  if (!s)
    return (
      <div class="pg-eval muted small" data-evaluation="loading">
        evaluating…
      </div>
    )
  const order = (n: string) => (FIRST.includes(n) ? FIRST.indexOf(n) : FIRST.length)
  const scores = [...s.scores].sort((a, b) => order(a.name) - order(b.name) || a.name.localeCompare(b.name))
  const state = s.pending ? (s.gaveUp ? 'queued' : 'pending') : s.jobs ? 'done' : 'none'
  return (
    <div class="pg-eval" data-evaluation={state}>
      <span class="muted small">Evaluation</span>
      {scores.map((x) => (
        <Badge
          key={x.id}
          tone={tone(x)}
          title={`${x.source}${x.evaluator ? ` · ${x.evaluator}` : ''}${x.comment ? `: ${x.comment}` : ''}`}
        >
          <span data-score={x.name}>
            {x.name} {x.stringValue ?? formatScore(x.value)}
          </span>
        </Badge>
      ))}
      {state === 'pending' && (
        <span class="muted small">
          <span class="spinner spinner--inline" aria-hidden="true" /> {s.pending} evaluator
          {s.pending === 1 ? '' : 's'} still running…
        </span>
      )}
      {state === 'queued' && (
        <span class="muted small">{s.pending} evaluations still queued; see the trace later.</span>
      )}
      {state === 'none' && (
        <span class="muted small">not evaluated: the project's sampling left this answer out.</span>
      )}
    </div>
  )
}
