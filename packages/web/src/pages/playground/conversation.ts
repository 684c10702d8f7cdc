import type { PlaygroundReply } from '../../lib/api-types.js'
import { Changes } from '../../lib/changes.js'

/** One exchange: what was sent, and the answer (or why there is none). */
export type Turn = {
  id: number
  message: string
  status: 'sending' | 'done' | 'failed'
  reply?: PlaygroundReply
  error?: string
}

export type Conversation = { sessionId: string; userId: string; turns: Turn[] }

/**
 * The playground's conversation lives outside the page (and in sessionStorage), so opening a
 * trace and coming back, or reloading, keeps it. The server keeps the model's history under the
 * same session id.
 */
const STORAGE_KEY = 'chatlens.playground'

function newSessionId(): string {
  const random =
    typeof crypto.randomUUID === 'function'
      ? crypto.randomUUID()
      : Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) => b.toString(16).padStart(2, '0')).join(
          '',
        )
  return `playground-${random}`
}

function load(): Conversation {
  try {
    const saved = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? 'null') as Conversation | null
    // A turn still "sending" when the page went away will not be answered here.
    if (saved?.sessionId) return { ...saved, turns: saved.turns.filter((t) => t.status !== 'sending') }
  } catch {}
  return { sessionId: newSessionId(), userId: '', turns: [] }
}

let state: Conversation = load()
const changes = new Changes()

export function update(change: (c: Conversation) => Conversation): void {
  state = change(state)
  try {
    sessionStorage.setItem(STORAGE_KEY, JSON.stringify(state))
  } catch {}
  changes.emit()
}

/** A new conversation: a fresh session id, no turns (the user id is kept). */
export function restart(): string {
  const previous = state.sessionId
  update((c) => ({ sessionId: newSessionId(), userId: c.userId, turns: [] }))
  return previous
}

export function useConversation(): Conversation {
  changes.use()
  return state
}
