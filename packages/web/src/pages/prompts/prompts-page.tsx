import { useState } from 'preact/hooks'
import { Badge, ErrorBanner, Loading } from '../../components/misc.js'
import type { PromptListItem } from '../../lib/api-types.js'
import { formatDateTime, formatTime, plural } from '../../lib/format.js'
import { Link, navigate } from '../../lib/router.js'
import { useApi } from '../../lib/use-api.js'
import { useGlobal } from '../../lib/use-window.js'
import { LabelBadges } from './labels.js'
import { VersionForm } from './version-form.js'
import { emptyVersionForm } from './version-form-state.js'

/** Shown before the first prompt: what the registry is for and how to fill it. */
function NoPrompts({ onCreate }: { onCreate(): void }) {
  return (
    <div class="empty">
      <h2>No prompts yet</h2>
      <p>
        The registry keeps your chatbot's prompts outside its code: numbered versions, labels such as{' '}
        <code>production</code> and <code>staging</code> that say which version runs where, diffs, and an
        experiment between two versions. <code>npm start</code> (the demo) adds the reference bot's prompt.
      </p>
      <div class="empty__ways">
        <div class="empty__way">
          <h4>Push one from the command line</h4>
          <pre class="code">chatlens prompts push support-system -f prompt.txt -l production</pre>
        </div>
        <div class="empty__way">
          <h4>Or write it here</h4>
          <button type="button" class="button button--primary" onClick={onCreate}>
            New prompt
          </button>
        </div>
      </div>
    </div>
  )
}

/** Every prompt of the registry with its versions and where its labels point. */
export function PromptsPage() {
  const g = useGlobal()
  const list = useApi<{ data: PromptListItem[] }>('/api/v1/prompts', {}, g.tick)
  const [creating, setCreating] = useState(false)
  const prompts = list.data?.data ?? []
  return (
    <div class="page page--wide">
      <div class="page__head">
        <h1>Prompts</h1>
        {list.data && <span class="page__count">{plural(prompts.length, 'prompt')}</span>}
        <div class="page__filters">
          <button type="button" class="button button--primary" onClick={() => setCreating(true)}>
            New prompt
          </button>
        </div>
      </div>
      {list.error && <ErrorBanner error={list.error} />}
      {creating && (
        <VersionForm
          prompt={null}
          initial={emptyVersionForm()}
          onCancel={() => setCreating(false)}
          onSaved={(v) => navigate(`/prompts/${encodeURIComponent(v.name)}?v=${v.version}`)}
        />
      )}
      {!list.data && !list.error ? (
        <Loading />
      ) : prompts.length === 0 ? (
        !creating && <NoPrompts onCreate={() => setCreating(true)} />
      ) : (
        <section class="panel">
          <table class="table prompts">
            <thead>
              <tr>
                <th>Prompt</th>
                <th class="num">Versions</th>
                <th>Labels</th>
                <th>Updated</th>
              </tr>
            </thead>
            <tbody>
              {prompts.map((p) => (
                <tr key={p.name} data-prompt={p.name}>
                  <td>
                    <Link class="strong" href={`/prompts/${encodeURIComponent(p.name)}`}>
                      {p.name}
                    </Link>
                    {p.description && <div class="muted small">{p.description}</div>}
                  </td>
                  <td class="num">{p.versionCount}</td>
                  <td>
                    <LabelBadges labels={p.labels} />
                    {Object.keys(p.labels).length === 0 && <Badge>no labels</Badge>}
                  </td>
                  <td title={formatDateTime(p.updatedAt)}>{formatTime(p.updatedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
    </div>
  )
}
