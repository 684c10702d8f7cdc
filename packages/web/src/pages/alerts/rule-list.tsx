import { useState } from 'preact/hooks'
import type { AlertRule } from '../../lib/api-types.js'
import { formatDateTime, formatInt, formatTime } from '../../lib/format.js'
import { describeRule, formatValue } from './rule-model.js'
import { RuleState, SeverityBadge } from './severity.js'

type Actions = {
  onEdit(rule: AlertRule): void
  onToggle(rule: AlertRule): void
  onDelete(rule: AlertRule): void
  busy: string | null
}

function Filters({ filters }: { filters: AlertRule['filters'] }) {
  const entries = Object.entries(filters)
  if (entries.length === 0) return null
  return <div class="muted small">{entries.map(([k, v]) => `${k} = ${v}`).join(' · ')}</div>
}

function RuleRow({ rule, onEdit, onToggle, onDelete, busy }: Actions & { rule: AlertRule }) {
  const [confirming, setConfirming] = useState(false)
  const working = busy === rule.id
  return (
    <tr data-rule-id={rule.id} class={rule.enabled ? undefined : 'is-muted'}>
      <td>
        <RuleState rule={rule} />
      </td>
      <td class="rules__name">
        <div class="strong">{rule.name}</div>
        {rule.description && <div class="muted small">{rule.description}</div>}
      </td>
      <td>
        <div>{describeRule(rule)}</div>
        <Filters filters={rule.filters} />
      </td>
      <td>
        <SeverityBadge severity={rule.severity} />
      </td>
      <td
        class="num"
        title={rule.lastCheckedAt ? `checked ${formatDateTime(rule.lastCheckedAt)}` : 'not checked yet'}
      >
        {rule.lastValue === null ? <span class="muted">–</span> : formatValue(rule.metric, rule.lastValue)}
        <div class="muted small">
          {rule.lastSample === null
            ? 'not checked yet'
            : `n = ${formatInt(rule.lastSample)} · ${formatTime(rule.lastCheckedAt)}`}
        </div>
      </td>
      <td class="rules__actions">
        {confirming ? (
          <>
            <span class="muted small">Delete this rule?</span>
            <button
              type="button"
              class="button button--small button--danger"
              disabled={working}
              onClick={() => onDelete(rule)}
            >
              Delete
            </button>
            <button type="button" class="button button--small" onClick={() => setConfirming(false)}>
              Keep
            </button>
          </>
        ) : (
          <>
            <button
              type="button"
              class="button button--small"
              disabled={working}
              onClick={() => onToggle(rule)}
            >
              {rule.enabled ? 'Mute' : 'Enable'}
            </button>
            <button type="button" class="button button--small" onClick={() => onEdit(rule)}>
              Edit
            </button>
            <button
              type="button"
              class="button button--small"
              aria-label={`Delete ${rule.name}`}
              onClick={() => setConfirming(true)}
            >
              Delete
            </button>
          </>
        )}
      </td>
    </tr>
  )
}

/** Every rule: firing ones first, then by severity. */
export function RuleList({ rules, ...actions }: Actions & { rules: AlertRule[] }) {
  const rank = { critical: 0, high: 1, medium: 2, low: 3 }
  const sorted = [...rules].sort(
    (a, b) =>
      Number(b.enabled && b.state === 'firing') - Number(a.enabled && a.state === 'firing') ||
      Number(b.enabled) - Number(a.enabled) ||
      rank[a.severity] - rank[b.severity] ||
      a.name.localeCompare(b.name),
  )
  return (
    <table class="table rules">
      <thead>
        <tr>
          <th>State</th>
          <th>Rule</th>
          <th>Condition</th>
          <th>Severity</th>
          <th class="num">Last value</th>
          <th />
        </tr>
      </thead>
      <tbody>
        {sorted.map((r) => (
          <RuleRow key={r.id} rule={r} {...actions} />
        ))}
      </tbody>
    </table>
  )
}
