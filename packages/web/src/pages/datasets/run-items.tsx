import { Badge } from '../../components/misc.js'
import type { AssertionResult, StoredDatasetItem, StoredRunItem } from '../../lib/api-types.js'
import { formatCost, formatMs, formatScore } from '../../lib/format.js'
import { Link } from '../../lib/router.js'
import { queryOf, textOf } from './item-text.js'

/** Scores shown per execution; the run's summary has every one. */
const SHOWN_SCORES = ['quality', 'relevance', 'judge_overall']

function Checks({ results }: { results: AssertionResult[] }) {
  if (results.length === 0) return <span class="muted">none</span>
  return (
    <ul class="checks">
      {results.map((a, i) => (
        <li
          key={i}
          class={a.pass === false ? 'text-error' : undefined}
          data-check={a.pass === null ? 'skipped' : a.pass ? 'pass' : 'fail'}
        >
          <span aria-hidden="true">{a.pass === null ? '–' : a.pass ? '✓' : '✗'}</span> {a.name}
          {a.pass !== true && <span class="muted">: {a.reason}</span>}
        </li>
      ))}
    </ul>
  )
}

/** Every execution of a run: the answer, each check's result, scores, latency, cost and trace. */
export function RunItems({
  items,
  dataset,
}: {
  items: StoredRunItem[]
  dataset: Map<string, StoredDatasetItem>
}) {
  return (
    <table class="table run-items">
      <thead>
        <tr>
          <th>Item</th>
          <th>Answer</th>
          <th>Checks</th>
          <th class="num">Scores</th>
          <th class="num">Latency</th>
          <th class="num">Cost</th>
        </tr>
      </thead>
      <tbody>
        {items.map((it) => {
          const item = dataset.get(it.itemId)
          return (
            <tr key={`${it.itemId}:${it.repetition}`} data-item={it.itemId} data-passed={it.passed}>
              <td class="run-items__item">
                <div>
                  <Badge tone={it.passed ? 'ok' : 'error'}>{it.passed ? 'passed' : 'failed'}</Badge>{' '}
                  <code>{it.itemId}</code>
                  {it.repetition > 0 && <span class="muted small"> #{it.repetition + 1}</span>}
                </div>
                {item && <div class="small">{queryOf(item.input)}</div>}
                {item && textOf(item.expected) && (
                  <div class="muted small">expected: {textOf(item.expected)}</div>
                )}
              </td>
              <td class="run-items__answer">
                {it.output ?? <span class="text-error">{it.error ?? 'no answer'}</span>}
                {it.traceId && (
                  <div class="small">
                    <Link href={`/traces/${encodeURIComponent(it.traceId)}`}>trace</Link>
                  </div>
                )}
              </td>
              <td>
                <Checks results={it.assertions as AssertionResult[]} />
              </td>
              <td class="num small">
                {SHOWN_SCORES.filter((s) => it.scores[s] !== undefined).map((s) => (
                  <div key={s}>
                    <span class="muted">{s}</span> {formatScore(it.scores[s])}
                  </div>
                ))}
              </td>
              <td class="num">{formatMs(it.latencyMs)}</td>
              <td class="num">{formatCost(it.costUsd)}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
