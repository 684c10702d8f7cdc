import { useEffect, useRef, useState } from 'preact/hooks'
import { apiSend } from '../../lib/api.js'
import type { PlaygroundReply } from '../../lib/api-types.js'
import { refusal } from '../../lib/use-action.js'
import { restart, update, useConversation } from './conversation.js'
import { SidePanel } from './side-panel.js'
import { TurnView } from './turn-view.js'

const SUGGESTIONS = [
  'Where is my order #4411? It was due yesterday.',
  'How do I return a jacket that does not fit?',
  'I was charged twice for my subscription.',
  'Can you write me a poem about the sea?',
]

let nextTurnId = Date.now()

/** Talk to the reference support chatbot; every answer is traced into the project and evaluated. */
export function PlaygroundPage() {
  const c = useConversation()
  const [draft, setDraft] = useState('')
  const log = useRef<HTMLDivElement>(null)
  const sending = c.turns.some((t) => t.status === 'sending')
  const last = [...c.turns].reverse().find((t) => t.reply)?.reply

  useEffect(() => {
    log.current?.scrollTo({ top: log.current.scrollHeight })
  }, [c.turns.length, c.turns.at(-1)?.status])

  const send = async (text: string) => {
    const message = text.trim()
    if (!message || sending) return
    const id = nextTurnId++
    const { sessionId, userId } = c
    update((x) => ({ ...x, turns: [...x.turns, { id, message, status: 'sending' }] }))
    setDraft('')
    const settle = (patch: object) =>
      update((x) =>
        x.sessionId === sessionId
          ? { ...x, turns: x.turns.map((t) => (t.id === id ? { ...t, ...patch } : t)) }
          : x,
      )
    try {
      const reply = await apiSend<PlaygroundReply>('POST', '/api/v1/playground/chat', {
        sessionId,
        message,
        ...(userId.trim() && { userId: userId.trim() }),
      })
      settle({ status: 'done', reply })
    } catch (err) {
      settle({ status: 'failed', error: refusal(err, 'use the playground') })
    }
  }

  const reset = () => {
    const previous = restart()
    // The server forgets the old conversation's history; the next message starts a new one anyway.
    apiSend('POST', '/api/v1/playground/reset', { sessionId: previous }).catch(() => {})
  }

  return (
    <div class="page page--wide page--playground">
      <div class="page__head">
        <h1>Playground</h1>
        <span class="page__count">
          Talk to the reference support chatbot. Each answer is traced into this project (environment{' '}
          <code>playground</code>) and evaluated like production traffic.
        </span>
        <div class="page__filters">
          <label class="filter">
            <span class="filter__label">User id</span>
            <input
              class="filter__input"
              name="userId"
              placeholder="playground"
              value={c.userId}
              onInput={(e) => {
                const userId = e.currentTarget.value
                update((x) => ({ ...x, userId }))
              }}
            />
          </label>
          <button type="button" class="button" onClick={reset} disabled={c.turns.length === 0 && !sending}>
            New conversation
          </button>
        </div>
      </div>
      <div class="pg">
        <section class="panel pg-chat" aria-label="Conversation">
          <div class="pg-log" ref={log} aria-live="polite">
            {c.turns.length === 0 ? (
              <div class="pg-empty">
                <h2>Ask the support bot something</h2>
                <p class="muted">
                  It answers as your customers' chatbot would: with the production prompt of{' '}
                  <code>support-system</code> from the registry, or the variant a running experiment assigns
                  this conversation to. Try one:
                </p>
                <div class="pg-suggestions">
                  {SUGGESTIONS.map((s) => (
                    <button key={s} type="button" class="button button--small" onClick={() => send(s)}>
                      {s}
                    </button>
                  ))}
                </div>
              </div>
            ) : (
              c.turns.map((t) => <TurnView key={t.id} turn={t} />)
            )}
          </div>
          <form
            class="pg-input"
            onSubmit={(e) => {
              e.preventDefault()
              send(draft)
            }}
          >
            <textarea
              class="input"
              name="message"
              aria-label="Message"
              rows={2}
              placeholder="Write a message. Enter sends, Shift+Enter starts a new line."
              value={draft}
              onInput={(e) => setDraft(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) {
                  e.preventDefault()
                  send(draft)
                }
              }}
            />
            <button type="submit" class="button button--primary" disabled={sending || !draft.trim()}>
              {sending ? 'Answering…' : 'Send'}
            </button>
          </form>
        </section>
        <SidePanel c={c} last={last} />
      </div>
    </div>
  )
}
