import { StatusBadge } from '../../components/misc.js'
import type { Trace, TurnAnalysis } from '../../lib/api-types.js'
import { previewText, toChatMessages } from '../../lib/chat-messages.js'
import { formatCost, formatInt, formatMs, formatTime } from '../../lib/format.js'
import { Link } from '../../lib/router.js'
import { TurnStage } from './turn-stage.js'

/** The user's words of a turn: the last user message of its input (earlier ones are history). */
function userText(t: Trace): string {
  const ms = toChatMessages(t.input, 'user')
  const mine = ms?.filter((m) => m.role === 'user').at(-1)
  return mine?.text ?? previewText(t.input, 'user')
}

function botText(t: Trace): string {
  const ms = toChatMessages(t.output, 'assistant')
  if (ms?.length) return ms.map((m) => m.text).join('\n\n')
  return previewText(t.output, 'assistant')
}

/** Turns as a chat: the user's message, the bot's answer, that turn's figures and detected stage. */
export function Transcript({
  turns,
  carry,
  analysis,
}: {
  turns: Trace[]
  carry: string
  analysis: Map<string, TurnAnalysis>
}) {
  return (
    <ol class="transcript">
      {turns.map((t, i) => {
        const answer = botText(t)
        const a = analysis.get(t.id)
        return (
          <li key={t.id} class="turn" data-trace-id={t.id}>
            <div class="turn__index">#{i + 1}</div>
            <div class="turn__body">
              <div class="bubble bubble--user">
                <div class="bubble__role">
                  {t.userId ?? 'User'} · {formatTime(t.timestamp)}
                </div>
                <div class="bubble__text">{userText(t) || '–'}</div>
              </div>
              <div class={`bubble bubble--assistant${t.status === 'error' ? ' bubble--error' : ''}`}>
                <div class="bubble__role">{t.bot ?? 'Assistant'}</div>
                <div class="bubble__text">{answer || (t.error ? `Error: ${t.error}` : '–')}</div>
              </div>
              {a && <TurnStage turn={a} />}
              <div class="turn__meta">
                <StatusBadge status={t.status} />
                <span>{formatMs(t.latencyMs)}</span>
                <span>{formatInt(t.totalTokens)} tokens</span>
                <span>{formatCost(t.costUsd)}</span>
                {t.model && <span class="truncate">{t.model}</span>}
                <Link href={`/traces/${encodeURIComponent(t.id)}${carry}`}>Open trace</Link>
              </div>
            </div>
          </li>
        )
      })}
    </ol>
  )
}
