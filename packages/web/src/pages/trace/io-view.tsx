import { ChatView } from '../../components/chat-view.js'
import { JsonView } from '../../components/json-view.js'
import { toChatMessages } from '../../lib/chat-messages.js'

export type IoMode = 'chat' | 'json'

/** An input or output shown as chat bubbles when it is chat-shaped, else (or on request) as JSON. */
export function IoView({
  title,
  value,
  speaker,
  mode,
}: {
  title: string
  value: unknown
  speaker: 'user' | 'assistant'
  mode: IoMode
}) {
  const messages = mode === 'chat' ? toChatMessages(value, speaker) : null
  return (
    <div class="io" data-io={title.toLowerCase()}>
      <h4 class="io__title">{title}</h4>
      {value === null || value === undefined ? (
        <p class="muted">not recorded</p>
      ) : messages ? (
        <ChatView messages={messages} />
      ) : (
        <JsonView value={value} />
      )}
    </div>
  )
}
