import type { PromptMessage } from '../../lib/api-types.js'

const VARIABLE = /(\{\{\s*[A-Za-z_][A-Za-z0-9_]*\s*\}\})/

/** A message's text with its {{variables}} marked; every part is rendered as text. */
export function WithVariables({ text }: { text: string }) {
  return (
    <>
      {text.split(VARIABLE).map((part, i) =>
        i % 2 === 1 ? (
          <mark key={i} class="variable">
            {part}
          </mark>
        ) : (
          part
        ),
      )}
    </>
  )
}

/** The messages of a version (or of a rendered prompt), one block per message. */
export function PromptMessages({
  messages,
  variables = true,
}: {
  messages: PromptMessage[]
  variables?: boolean
}) {
  return (
    <ol class="prompt-messages">
      {messages.map((m, i) => (
        <li key={i} class={`prompt-message prompt-message--${m.role}`}>
          <div class="prompt-message__role">
            {i + 1} · {m.role}
          </div>
          <div class="prompt-message__text">{variables ? <WithVariables text={m.content} /> : m.content}</div>
        </li>
      ))}
    </ol>
  )
}
