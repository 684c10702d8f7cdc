import type { ChatMessage } from '../lib/chat-messages.js'
import { JsonView } from './json-view.js'

const ROLE_LABEL: Record<string, string> = {
  user: 'User',
  assistant: 'Assistant',
  system: 'System',
  tool: 'Tool',
}

/** Messages as bubbles; text is rendered as text (pre-wrapped), never as HTML or Markdown. */
export function ChatView({ messages }: { messages: ChatMessage[] }) {
  return (
    <div class="chat">
      {messages.map((m, i) => (
        <div key={i} class={`bubble bubble--${ROLE_LABEL[m.role] ? m.role : 'other'}`}>
          <div class="bubble__role">
            {ROLE_LABEL[m.role] ?? m.role}
            {m.name ? ` · ${m.name}` : ''}
          </div>
          {m.text && <div class="bubble__text">{m.text}</div>}
          {m.toolCalls !== undefined && (
            <div class="bubble__tools">
              <div class="muted">Tool calls</div>
              <JsonView value={m.toolCalls} />
            </div>
          )}
        </div>
      ))}
    </div>
  )
}
