import { JsonView } from '../../components/json-view.js'
import { Badge, Stat } from '../../components/misc.js'
import type { PromptVersionView, StoredPrompt } from '../../lib/api-types.js'
import { formatDateTime, formatInt, NONE } from '../../lib/format.js'
import { LabelEditor } from './label-editor.js'
import { PromptMessages } from './prompt-messages.js'

/** One version: its messages, model settings, variables, who wrote it, and its labels. */
export function VersionView({
  prompt,
  version: v,
  onChanged,
}: {
  prompt: StoredPrompt
  version: PromptVersionView
  onChanged(): void
}) {
  return (
    <div class="version-view" data-version={v.version}>
      <div class="stats">
        <Stat label="Version">v{v.version}</Stat>
        <Stat label="Model">{v.model ?? <span class="muted">chatbot's default</span>}</Stat>
        <Stat label="Temperature">{v.temperature ?? NONE}</Stat>
        <Stat label="Max tokens">{v.maxTokens === null ? NONE : formatInt(v.maxTokens)}</Stat>
        <Stat label="Created">{formatDateTime(v.createdAt)}</Stat>
        <Stat label="Author">{v.author ?? v.createdBy ?? NONE}</Stat>
      </div>
      {v.commitMessage && <p class="version-view__commit">“{v.commitMessage}”</p>}
      <LabelEditor prompt={prompt} version={v} onChanged={onChanged} />
      <div class="version-view__vars">
        <span class="muted">Variables:</span>
        {v.variables.length === 0 ? (
          <span class="muted">none</span>
        ) : (
          v.variables.map((name) => (
            <Badge key={name} tone="accent">
              {name}
            </Badge>
          ))
        )}
      </div>
      <PromptMessages messages={v.messages} />
      {Object.keys(v.parameters).length > 0 && (
        <div class="io">
          <div class="io__title">Other parameters</div>
          <JsonView value={v.parameters} />
        </div>
      )}
    </div>
  )
}
