import { Badge } from '../../components/misc.js'
import type { ItemComparison, StoredDatasetItem } from '../../lib/api-types.js'
import { formatPercent } from '../../lib/format.js'
import { metricValue } from './compare-metrics.js'
import { queryOf } from './item-text.js'

const TONE = {
  regressed: 'error',
  improved: 'ok',
  unchanged: 'neutral',
  added: 'accent',
  removed: 'neutral',
} as const

function Changes({ changes, good }: { changes: ItemComparison['better']; good: boolean }) {
  return (
    <>
      {changes.map((c) => (
        <Badge
          key={c.metric}
          tone={good ? 'ok' : 'error'}
          title={`${metricValue(c.metric, c.baseline)} → ${metricValue(c.metric, c.candidate)}`}
        >
          {c.metric} {metricValue(c.metric, c.baseline)} → {metricValue(c.metric, c.candidate)}
        </Badge>
      ))}
    </>
  )
}

/** Item by item: regressed or improved, which metrics moved on it, which checks it now fails, both answers. */
export function CompareItems({
  items,
  dataset,
}: {
  items: ItemComparison[]
  dataset: Map<string, StoredDatasetItem>
}) {
  if (items.length === 0) return <p class="muted">No item in this view.</p>
  return (
    <table class="table compare-items">
      <thead>
        <tr>
          <th>Item</th>
          <th>Status</th>
          <th class="num">Pass rate</th>
          <th>Better · worse</th>
          <th>Baseline answer</th>
          <th>Candidate answer</th>
        </tr>
      </thead>
      <tbody>
        {items.map((it) => {
          const item = dataset.get(it.itemId)
          return (
            <tr key={it.itemId} data-item={it.itemId} data-status={it.status}>
              <td class="compare-items__item">
                <code>{it.itemId}</code>
                {item && <div class="small">{queryOf(item.input)}</div>}
              </td>
              <td>
                <Badge tone={TONE[it.status]}>{it.status}</Badge>
                {it.newlyFailing.length > 0 && (
                  <div class="text-error small">now failing: {it.newlyFailing.join('; ')}</div>
                )}
              </td>
              <td class="num">
                {formatPercent(it.baseline?.passRate)} → {formatPercent(it.candidate?.passRate)}
              </td>
              <td class="compare-items__changes">
                <span class="badges">
                  <Changes changes={it.better} good />
                  <Changes changes={it.worse} good={false} />
                </span>
              </td>
              <td class="compare-items__answer">{it.baseline?.output ?? it.baseline?.error ?? '–'}</td>
              <td class="compare-items__answer">{it.candidate?.output ?? it.candidate?.error ?? '–'}</td>
            </tr>
          )
        })}
      </tbody>
    </table>
  )
}
