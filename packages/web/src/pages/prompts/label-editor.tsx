import { useState } from 'preact/hooks'
import { Note } from '../../components/field.js'
import { apiSend } from '../../lib/api.js'
import type { PromptVersionView, StoredPrompt } from '../../lib/api-types.js'
import { useAction } from '../../lib/use-action.js'
import { LabelBadge, STANDARD_LABELS } from './labels.js'

const OTHER = ''

/** The labels on a version, and moving any label (production, staging, preview, custom) to it. */
export function LabelEditor({
  prompt,
  version,
  onChanged,
}: {
  prompt: StoredPrompt
  version: PromptVersionView
  onChanged(): void
}) {
  const { busy, note, run } = useAction()
  const [label, setLabel] = useState<string>('production')
  const [custom, setCustom] = useState('')
  const chosen = label === OTHER ? custom.trim() : label
  const current = chosen ? prompt.labels[chosen] : undefined
  const path = (l: string) =>
    `/api/v1/prompts/${encodeURIComponent(prompt.name)}/labels/${encodeURIComponent(l)}`
  const here = Object.entries(prompt.labels).filter(([, v]) => v === version.version)

  return (
    <div class="label-editor">
      <div class="label-editor__here">
        <span class="muted">Labels on v{version.version}:</span>
        {here.length === 0 && <span class="muted">none</span>}
        {here.map(([l]) => (
          <span key={l} class="label-chip">
            <LabelBadge label={l} />
            <button
              type="button"
              class="link-button small"
              aria-label={`Remove label ${l}`}
              disabled={busy !== null}
              onClick={async () => {
                if (
                  await run(
                    l,
                    () => apiSend('DELETE', path(l)),
                    () => `Removed label ${l}.`,
                  )
                )
                  onChanged()
              }}
            >
              remove
            </button>
          </span>
        ))}
      </div>
      <form
        class="label-editor__move"
        onSubmit={async (e) => {
          e.preventDefault()
          if (!chosen) return
          const done = await run(
            'move',
            () => apiSend<StoredPrompt>('PUT', path(chosen), { version: version.version }),
            () => `${chosen} now points at v${version.version}.`,
          )
          if (done) onChanged()
        }}
      >
        <span class="muted">Point</span>
        <select
          class="input input--small"
          name="label"
          aria-label="Label"
          value={label}
          onChange={(e) => setLabel(e.currentTarget.value)}
        >
          {STANDARD_LABELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
          <option value={OTHER}>other…</option>
        </select>
        {label === OTHER && (
          <input
            class="input input--small"
            name="customLabel"
            aria-label="Label name"
            placeholder="label name"
            value={custom}
            onInput={(e) => setCustom(e.currentTarget.value)}
          />
        )}
        <span class="muted">at v{version.version}</span>
        <button
          type="submit"
          class="button button--small button--primary"
          disabled={!chosen || current === version.version || busy !== null}
        >
          {current === version.version ? 'Already here' : 'Move label'}
        </button>
        {chosen && current !== undefined && current !== version.version && (
          <span class="muted small">(now on v{current})</span>
        )}
      </form>
      <Note note={note} />
    </div>
  )
}
