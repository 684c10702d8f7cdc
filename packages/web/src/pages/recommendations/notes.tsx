import type { ApplyResult } from '../../lib/api-types.js'
import { Link } from '../../lib/router.js'

/** What applying made: the new prompt version and the experiment it runs in, as links. */
export function AppliedBanner({ applied }: { applied: ApplyResult }) {
  if (!applied.experiment || !applied.version) return null
  return (
    <div class="banner banner--info" role="status" data-applied={applied.recommendation.id}>
      Applied “{applied.recommendation.title}”:{' '}
      <Link href={`/prompts/${encodeURIComponent(applied.version.name)}?v=${applied.version.version}`}>
        {applied.version.name} v{applied.version.version}
      </Link>{' '}
      now runs against production in experiment{' '}
      <Link
        href={`/experiments/${encodeURIComponent(applied.experiment.key)}`}
        data-experiment-link={applied.experiment.key}
      >
        {applied.experiment.key}
      </Link>
      . Your chatbot serves it once it assigns users to that experiment (<code>cl.assign</code>).
    </div>
  )
}

/** No recommendation with this status: where they come from and how to get some. */
export function NoRecommendations({ open }: { open: boolean }) {
  return (
    <div class="empty">
      <h2>{open ? 'No open recommendations' : 'Nothing here'}</h2>
      <p>
        chatlens reads the production traffic — quality per query category, latency, errors, cost per model,
        conversation length, repeated questions — and says what to change, with the figures behind it. Press{' '}
        <strong>Generate</strong> once there is traffic (a slice needs at least 20 interactions), or run{' '}
        <code>chatlens optimize</code>. <code>npm start</code> (the demo) generates some.
      </p>
    </div>
  )
}
