import { Badge } from '../../components/misc.js'
import type { PlaygroundReply } from '../../lib/api-types.js'
import { formatCost, formatInt, formatMs } from '../../lib/format.js'
import { Link } from '../../lib/router.js'
import type { Turn } from './conversation.js'
import { Evaluation } from './evaluation.js'

/** Where the answer's system prompt came from: an experiment's variant, a registry version, or the built-in one. */
function Source({ r }: { r: PlaygroundReply }) {
  if (r.experiment)
    return (
      <Badge tone="accent" title={`Experiment ${r.experiment.key}, assigned by ${r.experiment.unit}`}>
        <span data-variant={r.experiment.variant}>
          {r.experiment.key} · {r.experiment.variant}
        </span>
      </Badge>
    )
  if (r.prompt)
    return (
      <Badge tone="tag">
        <span data-variant="">
          {r.prompt.name} v{r.prompt.version}
          {r.prompt.label ? ` (${r.prompt.label})` : ''}
        </span>
      </Badge>
    )
  return (
    <Badge tone="tag" title="No support-system prompt in the registry">
      <span data-variant="">built-in prompt</span>
    </Badge>
  )
}

/** The answer's figures, as stored on its trace. */
function Meta({ r }: { r: PlaygroundReply }) {
  return (
    <div class="pg-meta" data-trace-id={r.traceId ?? ''}>
      <Source r={r} />
      {r.prompt && r.experiment && (
        <span class="muted">
          {r.prompt.name} v{r.prompt.version}
        </span>
      )}
      <span title="model">{r.model}</span>
      {r.simulated && (
        <Badge tone="warn" title="chatlens' simulated model answered: no LLM endpoint is configured">
          simulated model
        </Badge>
      )}
      <span data-meta="latency" title="latency of the turn">
        {formatMs(r.latencyMs)}
      </span>
      <span data-meta="tokens" title={`${formatInt(r.inputTokens)} in · ${formatInt(r.outputTokens)} out`}>
        {formatInt(r.totalTokens)} tokens
      </span>
      <span data-meta="cost" title="cost of the turn">
        {formatCost(r.costUsd)}
      </span>
      {r.traceId && (
        <Link href={`/traces/${encodeURIComponent(r.traceId)}`} class="pg-meta__trace">
          trace
        </Link>
      )}
    </div>
  )
}

/** One exchange: the message, then the answer with its variant, figures and evaluation. */
export function TurnView({ turn }: { turn: Turn }) {
  const r = turn.reply
  return (
    <div class="pg-turn" data-turn={turn.id} data-status={turn.status}>
      <div class="bubble bubble--user">
        <div class="bubble__role">You</div>
        <div class="bubble__text">{turn.message}</div>
      </div>
      {turn.status === 'sending' && (
        <div class="bubble bubble--assistant pg-pending" role="status">
          <span class="spinner" aria-hidden="true" /> the support bot is answering…
        </div>
      )}
      {turn.status === 'failed' && (
        <div class="bubble bubble--error" role="alert">
          <div class="bubble__role">Not sent</div>
          <div class="bubble__text">{turn.error}</div>
        </div>
      )}
      {r && (
        <div class={`bubble bubble--assistant pg-answer${r.fallback ? ' bubble--error' : ''}`}>
          <div class="bubble__role">
            Support bot{r.fallback ? ' · fallback answer (the model failed)' : ''}
          </div>
          <div class="bubble__text">{r.answer}</div>
          {r.error && <div class="text-error small">{r.error}</div>}
          <Meta r={r} />
          {r.traceId && <Evaluation traceId={r.traceId} />}
        </div>
      )}
    </div>
  )
}
