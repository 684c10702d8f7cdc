import type { Queryable, SqlValue } from '../db.js'
import { insertSql, parseJson, toBool } from './sql.js'

export type AlertScope = 'interaction' | 'window'
export type AlertState = 'ok' | 'firing'
export type Comparator = 'gt' | 'gte' | 'lt' | 'lte'
export type Severity = 'low' | 'medium' | 'high' | 'critical'

/** A rule's definition, as created and edited. */
export type AlertRuleDefinition = {
  name: string
  description: string | null
  scope: AlertScope
  metric: string
  aggregation: string
  comparator: Comparator
  threshold: number
  windowMs: number
  severity: Severity
  filters: Record<string, string | number>
  minSample: number
  cooldownMs: number
  enabled: boolean
  /** Channel ids to notify; null: every enabled channel of the project. */
  channels: string[] | null
}

export type AlertRule = AlertRuleDefinition & {
  id: string
  projectId: string
  /** Set on the rules chatlens creates with a project (PRODUCT.md 3.3). */
  defaultKey: string | null
  createdAt: number
  updatedAt: number
  state: AlertState
  stateSince: number | null
  /** Whether the current firing was kept quiet by the cool-down (its resolution is then quiet too). */
  stateSuppressed: boolean
  lastValue: number | null
  lastSample: number | null
  lastCheckedAt: number | null
  lastNotifiedAt: number | null
  currentEventId: string | null
}

type Row = Record<string, SqlValue>
const n = (v: SqlValue | undefined) => (v === null || v === undefined ? null : Number(v))

const toRule = (r: Row): AlertRule => ({
  id: r.id as string,
  projectId: r.project_id as string,
  name: r.name as string,
  description: r.description as string | null,
  scope: r.scope as AlertScope,
  metric: r.metric as string,
  aggregation: r.aggregation as string,
  comparator: r.comparator as Comparator,
  threshold: Number(r.threshold),
  windowMs: Number(r.window_ms),
  severity: r.severity as Severity,
  filters: parseJson(r.filters, {}),
  minSample: Number(r.min_sample),
  cooldownMs: Number(r.cooldown_ms),
  enabled: toBool(r.enabled) ?? true,
  channels: r.channels === null ? null : parseJson<string[]>(r.channels, []),
  defaultKey: r.default_key as string | null,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
  state: r.state as AlertState,
  stateSince: n(r.state_since),
  stateSuppressed: toBool(r.state_suppressed) ?? false,
  lastValue: n(r.last_value),
  lastSample: n(r.last_sample),
  lastCheckedAt: n(r.last_checked_at),
  lastNotifiedAt: n(r.last_notified_at),
  currentEventId: r.current_event_id as string | null,
})

const RULE_COLUMNS = [
  'project_id', 'id', 'name', 'description', 'scope', 'metric', 'aggregation', 'comparator', 'threshold',
  'window_ms', 'severity', 'filters', 'min_sample', 'cooldown_ms', 'enabled', 'channels', 'default_key',
  'created_at', 'updated_at', 'state', 'state_since', 'state_suppressed',
] as const // biome-ignore format: a table of column names

function definitionColumns(d: AlertRuleDefinition): Row {
  return {
    name: d.name,
    description: d.description,
    scope: d.scope,
    metric: d.metric,
    aggregation: d.aggregation,
    comparator: d.comparator,
    threshold: d.threshold,
    window_ms: d.windowMs,
    severity: d.severity,
    filters: JSON.stringify(d.filters),
    min_sample: d.minSample,
    cooldown_ms: d.cooldownMs,
    enabled: d.enabled ? 1 : 0,
    channels: d.channels === null ? null : JSON.stringify(d.channels),
  }
}

export async function insertAlertRules(
  tx: Queryable,
  rules: readonly (AlertRuleDefinition & {
    id: string
    projectId: string
    defaultKey: string | null
    createdAt: number
  })[],
): Promise<void> {
  for (const r of rules) {
    const row: Row = {
      project_id: r.projectId, id: r.id, ...definitionColumns(r), default_key: r.defaultKey,
      created_at: r.createdAt, updated_at: r.createdAt, state: 'ok', state_since: r.createdAt, state_suppressed: 0,
    } // biome-ignore format: one row
    await tx.run(
      insertSql('alert_rules', RULE_COLUMNS, 1, ''),
      RULE_COLUMNS.map((c) => row[c] ?? null),
    )
  }
}

export async function listAlertRules(db: Queryable, projectId: string): Promise<AlertRule[]> {
  const rows = await db.all<Row>('SELECT * FROM alert_rules WHERE project_id = ? ORDER BY created_at, id', [
    projectId,
  ])
  return rows.map(toRule)
}

export async function getAlertRule(
  db: Queryable,
  projectId: string,
  id: string,
): Promise<AlertRule | undefined> {
  const row = await db.get<Row>('SELECT * FROM alert_rules WHERE project_id = ? AND id = ?', [projectId, id])
  return row && toRule(row)
}

/** Replaces a rule's definition (its state is kept). */
export async function updateAlertRule(
  db: Queryable,
  projectId: string,
  id: string,
  d: AlertRuleDefinition,
  now: number,
): Promise<boolean> {
  const cols = definitionColumns(d)
  const names = Object.keys(cols)
  const { changes } = await db.run(
    `UPDATE alert_rules SET ${names.map((c) => `${c} = ?`).join(', ')}, updated_at = ? WHERE project_id = ? AND id = ?`,
    [...names.map((c) => cols[c] ?? null), now, projectId, id],
  )
  return changes > 0
}

export async function deleteAlertRule(db: Queryable, projectId: string, id: string): Promise<boolean> {
  return (
    (await db.run('DELETE FROM alert_rules WHERE project_id = ? AND id = ?', [projectId, id])).changes > 0
  )
}

export type RuleStatePatch = Partial<
  Pick<
    AlertRule,
    | 'state'
    | 'stateSince'
    | 'stateSuppressed'
    | 'lastValue'
    | 'lastSample'
    | 'lastCheckedAt'
    | 'lastNotifiedAt'
    | 'currentEventId'
  >
>

const STATE_COLUMNS: Record<keyof RuleStatePatch, string> = {
  state: 'state',
  stateSince: 'state_since',
  stateSuppressed: 'state_suppressed',
  lastValue: 'last_value',
  lastSample: 'last_sample',
  lastCheckedAt: 'last_checked_at',
  lastNotifiedAt: 'last_notified_at',
  currentEventId: 'current_event_id',
}

export async function saveAlertRuleState(
  tx: Queryable,
  projectId: string,
  id: string,
  patch: RuleStatePatch,
): Promise<void> {
  const entries = Object.entries(patch) as [keyof RuleStatePatch, unknown][]
  if (entries.length === 0) return
  const values = entries.map(([, v]) => (typeof v === 'boolean' ? (v ? 1 : 0) : (v as SqlValue)))
  await tx.run(
    `UPDATE alert_rules SET ${entries.map(([k]) => `${STATE_COLUMNS[k]} = ?`).join(', ')} WHERE project_id = ? AND id = ?`,
    [...values, projectId, id],
  )
}

/** Records that a project got the default rules, so they are created once even if deleted later. */
export async function claimAlertDefaults(tx: Queryable, projectId: string, now: number): Promise<boolean> {
  const rows = await tx.all(
    'INSERT INTO alert_defaults (project_id, applied_at) VALUES (?, ?) ON CONFLICT (project_id) DO NOTHING RETURNING project_id',
    [projectId, now],
  )
  return rows.length > 0
}

export async function projectsWithoutAlertDefaults(db: Queryable): Promise<string[]> {
  const rows = await db.all<{ id: string }>(
    'SELECT p.id FROM projects p WHERE NOT EXISTS (SELECT 1 FROM alert_defaults d WHERE d.project_id = p.id)',
  )
  return rows.map((r) => r.id)
}
