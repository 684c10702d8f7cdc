import type { ExperimentResults } from '../../lib/api-types.js'
import { formatInt } from '../../lib/format.js'
import { Link } from '../../lib/router.js'
import { pClause } from './figures.js'
import { variantSummary } from './status.js'

const pct = (x: number | null) => (x === null ? '–' : `${(x * 100).toFixed(1)} %`)

/** Each variant's design and the units, turns and conversations it received, with the sample-ratio check. */
export function VariantsTable({ r }: { r: ExperimentResults }) {
  const e = r.experiment
  const unit = e.unit === 'session' ? 'conversations' : 'users'
  return (
    <>
      <table class="table variants-table">
        <thead>
          <tr>
            <th>Variant</th>
            <th>What it changes</th>
            <th class="num">Weight</th>
            <th class="num">Units ({unit})</th>
            <th class="num">Share received</th>
            <th class="num">Turns</th>
            <th class="num">Conversations</th>
          </tr>
        </thead>
        <tbody>
          {r.variants.map((v) => {
            const def = e.variants.find((x) => x.key === v.key)!
            return (
              <tr key={v.key} data-variant={v.key}>
                <td>
                  <span class="strong">{v.key}</span>
                  {v.key === e.control && <span class="muted"> (control)</span>}
                  {v.name && <div class="muted small">{v.name}</div>}
                </td>
                <td>
                  {def.prompt ? (
                    <Link href={`/prompts/${encodeURIComponent(def.prompt.name)}?v=${def.prompt.version}`}>
                      {variantSummary(def)}
                    </Link>
                  ) : (
                    variantSummary(def)
                  )}
                </td>
                <td class="num">
                  {v.weight} <span class="muted small">({pct(v.expectedShare)})</span>
                </td>
                <td class="num" data-units={v.units}>
                  {formatInt(v.units)}
                </td>
                <td class="num">{pct(v.share)}</td>
                <td class="num">{formatInt(v.traces)}</td>
                <td class="num">{formatInt(v.sessions)}</td>
              </tr>
            )
          })}
        </tbody>
      </table>
      <p class="muted small">
        Sample ratio:{' '}
        {r.srm
          ? `${r.srm.mismatch ? 'MISMATCH' : 'as the weights ask'} (χ² ${r.srm.chiSquare.toFixed(2)}, ${pClause(r.srm.pValue)}; a mismatch is p < ${r.srm.threshold})`
          : 'no units yet'}
      </p>
    </>
  )
}
