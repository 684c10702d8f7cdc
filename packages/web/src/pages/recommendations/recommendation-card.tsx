import { Badge } from '../../components/misc.js'
import type { StoredRecommendation } from '../../lib/api-types.js'
import { formatDateTime, humanize } from '../../lib/format.js'
import { Link } from '../../lib/router.js'
import { evidenceLabel, evidenceValue, isManual, proposalText } from './evidence.js'

const PRIORITY_TONE = { high: 'error', medium: 'warn', low: 'neutral' } as const
const STATUS_TONE = { open: 'accent', applied: 'ok', dismissed: 'neutral' } as const

type Props = {
  r: StoredRecommendation
  busy: boolean
  onApply(): void
  onDismiss(): void
  onReopen(): void
}

/** One recommendation: the evidence behind it, what to do, the expected effect, and what apply does. */
export function RecommendationCard({ r, busy, onApply, onDismiss, onReopen }: Props) {
  const proposal = proposalText(r)
  const scope = Object.entries(r.scope).filter(([, v]) => v !== null && v !== undefined && v !== '')
  return (
    <article
      class={`panel rec rec--${r.status}`}
      data-recommendation={r.id}
      data-rule={r.rule}
      data-status={r.status}
    >
      <div class="rec__head">
        <Badge tone={PRIORITY_TONE[r.priority]}>{r.priority} priority</Badge>
        <h2>{r.title}</h2>
        <Badge tone={STATUS_TONE[r.status]}>{r.status}</Badge>
        {r.source === 'llm' && (
          <Badge tone="warn" title={`written by ${r.provider ?? 'an LLM'}`}>
            {r.simulated ? 'simulated LLM' : `LLM · ${r.provider ?? ''}`}
          </Badge>
        )}
        <span class="muted small rec__rule">
          {humanize(r.rule)}
          {scope.length > 0 && ` · ${scope.map(([k, v]) => `${k} ${String(v)}`).join(' · ')}`}
        </span>
      </div>
      <p class="rec__evidence-text">{r.evidenceText}</p>
      <dl class="rec__evidence">
        {Object.entries(r.evidence).map(([k, v]) => (
          <div key={k}>
            <dt>{evidenceLabel(k)}</dt>
            <dd data-evidence={k}>{evidenceValue(k, v)}</dd>
          </div>
        ))}
      </dl>
      <div class="rec__grid">
        <div>
          <h4>What to do</h4>
          <p>{r.action}</p>
          <p class="muted small">{proposal.what}</p>
          {proposal.detail.map((d, i) => (
            <blockquote key={i} class="rec__instruction">
              {d}
            </blockquote>
          ))}
        </div>
        <div>
          <h4>Expected effect</h4>
          <p>{r.expectedEffect}</p>
          <p class="small">
            <span class="muted">Effort:</span> {r.effort}
            <span class="muted">
              {' '}
              · window {formatDateTime(r.windowFrom)} – {formatDateTime(r.windowTo)}
            </span>
          </p>
        </div>
      </div>
      {r.status === 'applied' && (
        <p class="rec__applied">
          Applied {formatDateTime(r.appliedAt)}
          {r.promptName && r.promptVersion !== null && (
            <>
              {' · new version '}
              <Link href={`/prompts/${encodeURIComponent(r.promptName)}?v=${r.promptVersion}`}>
                {r.promptName} v{r.promptVersion}
              </Link>
            </>
          )}
          {r.experimentKey && (
            <>
              {' · experiment '}
              <Link
                href={`/experiments/${encodeURIComponent(r.experimentKey)}`}
                data-experiment-link={r.experimentKey}
              >
                {r.experimentKey}
              </Link>
            </>
          )}
        </p>
      )}
      {r.note && <p class="muted small">{r.note}</p>}
      <div class="rec__actions">
        {r.status === 'open' && (
          <>
            <button type="button" class="button button--primary" disabled={busy} onClick={onApply}>
              {isManual(r) ? 'Mark done' : 'Apply: new version + experiment'}
            </button>
            <button type="button" class="button" disabled={busy} onClick={onDismiss}>
              Dismiss
            </button>
          </>
        )}
        {r.status === 'dismissed' && (
          <button type="button" class="button" disabled={busy} onClick={onReopen}>
            Reopen
          </button>
        )}
      </div>
    </article>
  )
}
