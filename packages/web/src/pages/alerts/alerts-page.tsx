import { useState } from 'preact/hooks'
import { ErrorBanner, Loading } from '../../components/misc.js'
import { ApiError, apiSend } from '../../lib/api.js'
import type { AlertCheckResult, AlertRule } from '../../lib/api-types.js'
import { formatTime } from '../../lib/format.js'
import { useApi } from '../../lib/use-api.js'
import { refreshNow, useGlobal } from '../../lib/use-window.js'
import { AlertHistory } from './alert-history.js'
import { RuleForm } from './rule-form.js'
import { bodyFromRule, emptyForm, type RuleForm as Form, formFromRule } from './rule-form-state.js'
import { RuleList } from './rule-list.js'

type Editing = { form: Form; rule: AlertRule | null; key: number }

function checkSummary(r: AlertCheckResult): string {
  const firing = r.events.filter((e) => e.kind === 'firing').length
  const resolved = r.events.length - firing
  const changes = r.events.length
    ? [firing && `${firing} started firing`, resolved && `${resolved} resolved`].filter(Boolean).join(', ')
    : 'no rule changed state'
  return `Checked ${r.rules.length} rules at ${formatTime(Date.now())}: ${changes}.`
}

/** Alert rules (create, edit, mute, delete), an on-demand check, and the history of events. */
export function AlertsPage() {
  const g = useGlobal()
  const rules = useApi<{ data: AlertRule[] }>('/api/v1/alerts/rules', {}, g.tick)
  const [editing, setEditing] = useState<Editing | null>(null)
  const [busy, setBusy] = useState<string | null>(null)
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null)
  // Reloads everything that shows rules, the navigation's firing count included.
  const refresh = refreshNow
  const fail = (err: unknown) =>
    setNote({
      text:
        err instanceof ApiError && err.status === 403
          ? 'This key cannot change alerts: it needs the admin scope.'
          : (err as Error).message,
      error: true,
    })

  const act = async (id: string, work: () => Promise<unknown>, done?: string) => {
    setBusy(id)
    setNote(null)
    try {
      await work()
      if (done) setNote({ text: done, error: false })
      refresh()
    } catch (err) {
      fail(err)
    } finally {
      setBusy(null)
    }
  }

  const list = rules.data?.data ?? []
  const firing = list.filter((r) => r.enabled && r.state === 'firing')
  const open = (rule: AlertRule | null) =>
    setEditing({ form: rule ? formFromRule(rule) : emptyForm(), rule, key: Date.now() })

  return (
    <div class="page page--alerts">
      <div class="page__head">
        <h1>Alerts</h1>
        {rules.data && (
          <span class="page__count" data-firing={firing.length}>
            {firing.length} firing · {list.length} rules
          </span>
        )}
        <div class="page__filters">
          <button
            type="button"
            class="button"
            disabled={busy === 'check'}
            onClick={() =>
              act('check', async () => {
                const r = await apiSend<AlertCheckResult>('POST', '/api/v1/alerts/check')
                setNote({ text: checkSummary(r), error: false })
              })
            }
          >
            {busy === 'check' ? 'Checking…' : 'Check now'}
          </button>
          <button type="button" class="button button--primary" onClick={() => open(null)}>
            New rule
          </button>
        </div>
      </div>
      {note && (
        <div
          class={`banner ${note.error ? 'banner--error' : 'banner--info'}`}
          role={note.error ? 'alert' : 'status'}
        >
          {note.text}
        </div>
      )}
      {editing && (
        <RuleForm
          key={editing.key}
          initial={editing.form}
          editing={editing.rule}
          onCancel={() => setEditing(null)}
          onSaved={(rule) => {
            setEditing(null)
            setNote({
              text: `Saved “${rule.name}”. It is checked every 30 s, or now with Check now.`,
              error: false,
            })
            refresh()
          }}
        />
      )}
      <section class="panel alerts__section" aria-label="Rules">
        <div class="chart-panel__head">
          <h2>Rules</h2>
          <span class="chart-panel__note">checked by the server every 30 s</span>
        </div>
        {rules.error && <ErrorBanner error={rules.error} />}
        {!rules.data && !rules.error ? (
          <Loading />
        ) : list.length === 0 ? (
          <p class="muted">No rules. Create one with New rule.</p>
        ) : (
          <RuleList
            rules={list}
            busy={busy}
            onEdit={open}
            onToggle={(r) =>
              act(r.id, () =>
                apiSend(
                  'PUT',
                  `/api/v1/alerts/rules/${encodeURIComponent(r.id)}`,
                  bodyFromRule(r, { enabled: !r.enabled }),
                ),
              )
            }
            onDelete={(r) =>
              act(
                r.id,
                () => apiSend('DELETE', `/api/v1/alerts/rules/${encodeURIComponent(r.id)}`),
                `Deleted “${r.name}”.`,
              )
            }
          />
        )}
      </section>
      <AlertHistory rules={list} refresh={g.tick} />
    </div>
  )
}
