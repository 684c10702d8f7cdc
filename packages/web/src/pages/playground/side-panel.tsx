import { Badge } from '../../components/misc.js'
import type { PlaygroundReply } from '../../lib/api-types.js'
import { Link } from '../../lib/router.js'
import type { Conversation } from './conversation.js'

/** The conversation's session, what its last answer was made with, and where its traces are. */
export function SidePanel({ c, last }: { c: Conversation; last: PlaygroundReply | undefined }) {
  return (
    <aside class="panel pg-side" aria-label="About this conversation">
      <div class="panel__title">This conversation</div>
      <dl class="pg-facts">
        <dt>Session</dt>
        <dd>
          <code>{c.sessionId}</code>
        </dd>
        <dt>Turns</dt>
        <dd>{c.turns.filter((t) => t.reply).length}</dd>
        {last && (
          <>
            <dt>Answered with</dt>
            <dd>
              {last.experiment ? (
                <>
                  variant <Badge tone="accent">{last.experiment.variant}</Badge> of{' '}
                  <Link href={`/experiments/${encodeURIComponent(last.experiment.key)}`}>
                    {last.experiment.key}
                  </Link>
                </>
              ) : last.prompt ? (
                'the production prompt'
              ) : (
                'the built-in prompt'
              )}
              {last.prompt && (
                <div>
                  <Link href={`/prompts/${encodeURIComponent(last.prompt.name)}?v=${last.prompt.version}`}>
                    {last.prompt.name} v{last.prompt.version}
                  </Link>
                </div>
              )}
            </dd>
            <dt>Model</dt>
            <dd>
              {last.model} <span class="muted">({last.provider})</span>
            </dd>
          </>
        )}
      </dl>
      <p class="muted small">
        Playground turns carry the variant but never count in an experiment's results. They are in{' '}
        <Link href={`/traces?environment=playground&sessionId=${encodeURIComponent(c.sessionId)}&range=24h`}>
          Traces
        </Link>{' '}
        (environment <code>playground</code>); New conversation starts a fresh history and may land in another
        variant.
      </p>
    </aside>
  )
}
