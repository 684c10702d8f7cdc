import type { Queryable, SqlValue } from '../db.js'
import type { Comparator, Severity } from './alerts.js'
import { type Cursor, type Page, toPage } from './cursor.js'
import { insertSql, parseJson, toBool, Where } from './sql.js'

export type DeliveryStatus = 'pending' | 'sent' | 'failed' | 'skipped'
export type Delivery = {
  channelId: string
  type: string
  ok: boolean
  attempts: number
  status?: number
  error?: string
}

/** One transition of a rule: it started firing, or it resolved. */
export type AlertEvent = {
  id: string
  projectId: string
  ruleId: string
  ruleName: string
  severity: Severity
  kind: 'firing' | 'resolved'
  metric: string
  comparator: Comparator
  threshold: number
  value: number | null
  sample: number | null
  windowFrom: number
  windowTo: number
  at: number
  details: Record<string, unknown>
  /** Kept quiet by the rule's cool-down: recorded, not sent. */
  suppressed: boolean
  deliveryStatus: DeliveryStatus
  deliveries: Delivery[]
}

type Row = Record<string, SqlValue>
const EVENT_COLUMNS = [
  'project_id', 'id', 'rule_id', 'rule_name', 'severity', 'kind', 'metric', 'comparator', 'threshold', 'value',
  'sample', 'window_from', 'window_to', 'at', 'details', 'suppressed', 'delivery_status', 'deliveries',
] as const // biome-ignore format: a table of column names

const toEvent = (r: Row): AlertEvent => ({
  id: r.id as string,
  projectId: r.project_id as string,
  ruleId: r.rule_id as string,
  ruleName: r.rule_name as string,
  severity: r.severity as Severity,
  kind: r.kind as AlertEvent['kind'],
  metric: r.metric as string,
  comparator: r.comparator as Comparator,
  threshold: Number(r.threshold),
  value: r.value === null ? null : Number(r.value),
  sample: r.sample === null ? null : Number(r.sample),
  windowFrom: Number(r.window_from),
  windowTo: Number(r.window_to),
  at: Number(r.at),
  details: parseJson(r.details, {}),
  suppressed: toBool(r.suppressed) ?? false,
  deliveryStatus: r.delivery_status as DeliveryStatus,
  deliveries: parseJson(r.deliveries, []),
})

export async function insertAlertEvent(tx: Queryable, e: AlertEvent): Promise<void> {
  const row: Row = {
    project_id: e.projectId, id: e.id, rule_id: e.ruleId, rule_name: e.ruleName, severity: e.severity, kind: e.kind,
    metric: e.metric, comparator: e.comparator, threshold: e.threshold, value: e.value, sample: e.sample,
    window_from: e.windowFrom, window_to: e.windowTo, at: e.at, details: JSON.stringify(e.details),
    suppressed: e.suppressed ? 1 : 0, delivery_status: e.deliveryStatus, deliveries: JSON.stringify(e.deliveries),
  } // biome-ignore format: one row
  await tx.run(
    insertSql('alert_events', EVENT_COLUMNS, 1, ''),
    EVENT_COLUMNS.map((c) => row[c] ?? null),
  )
}

export type AlertEventFilter = { from?: number; to?: number; ruleId?: string; kind?: 'firing' | 'resolved' }

/** Newest first, keyset-paginated on (at, id). */
export async function listAlertEvents(
  db: Queryable,
  projectId: string,
  f: AlertEventFilter,
  page: { limit: number; cursor?: Cursor | null },
): Promise<Page<AlertEvent>> {
  const where = new Where()
    .add('project_id = ?', projectId)
    .when('at >= ?', f.from)
    .when('at < ?', f.to)
    .when('rule_id = ?', f.ruleId)
    .when('kind = ?', f.kind)
    .before(page.cursor, 'at')
  const rows = await db.all<Row>(
    `SELECT * FROM alert_events WHERE ${where.sql} ORDER BY at DESC, id DESC LIMIT ?`,
    [...where.params, page.limit + 1],
  )
  return toPage(rows.map(toEvent), page.limit, (e) => ({ t: e.at, id: e.id }))
}

export async function getAlertEvent(
  db: Queryable,
  projectId: string,
  id: string,
): Promise<AlertEvent | undefined> {
  const row = await db.get<Row>('SELECT * FROM alert_events WHERE project_id = ? AND id = ?', [projectId, id])
  return row && toEvent(row)
}

/**
 * Claims an event's delivery: true for exactly one caller, so two server instances (or a retry
 * after a crash) never send the same notification twice. A claim older than `staleBefore` is
 * taken over (its holder died mid-delivery).
 */
export async function claimAlertDelivery(
  db: Queryable,
  projectId: string,
  id: string,
  now: number,
  staleBefore: number,
): Promise<boolean> {
  const { changes } = await db.run(
    `UPDATE alert_events SET delivery_claimed_at = ? WHERE project_id = ? AND id = ? AND delivery_status = 'pending'
       AND (delivery_claimed_at IS NULL OR delivery_claimed_at < ?)`,
    [now, projectId, id, staleBefore],
  )
  return changes > 0
}

export async function finishAlertDelivery(
  db: Queryable,
  projectId: string,
  id: string,
  status: DeliveryStatus,
  deliveries: Delivery[],
): Promise<void> {
  await db.run(
    'UPDATE alert_events SET delivery_status = ?, deliveries = ? WHERE project_id = ? AND id = ?',
    [status, JSON.stringify(deliveries), projectId, id],
  )
}

/** Events still waiting to be sent whose claim (if any) went stale: left behind by a crash. */
export async function pendingAlertDeliveries(
  db: Queryable,
  staleBefore: number,
  limit = 100,
): Promise<AlertEvent[]> {
  const rows = await db.all<Row>(
    `SELECT * FROM alert_events WHERE delivery_status = 'pending' AND (delivery_claimed_at IS NULL OR delivery_claimed_at < ?)
     ORDER BY at LIMIT ?`,
    [staleBefore, limit],
  )
  return rows.map(toEvent)
}

export type AlertChannelType = 'webhook' | 'slack'
export type AlertChannel = {
  id: string
  projectId: string
  name: string
  type: AlertChannelType
  url: string | null
  enabled: boolean
  createdAt: number
}

const toChannel = (r: Row): AlertChannel => ({
  id: r.id as string,
  projectId: r.project_id as string,
  name: r.name as string,
  type: r.type as AlertChannelType,
  url: r.url as string | null,
  enabled: toBool(r.enabled) ?? true,
  createdAt: Number(r.created_at),
})

export async function insertAlertChannel(db: Queryable, c: AlertChannel): Promise<void> {
  await db.run(
    'INSERT INTO alert_channels (project_id, id, name, type, url, enabled, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    [c.projectId, c.id, c.name, c.type, c.url, c.enabled ? 1 : 0, c.createdAt],
  )
}

export async function listAlertChannels(db: Queryable, projectId: string): Promise<AlertChannel[]> {
  const rows = await db.all<Row>(
    'SELECT * FROM alert_channels WHERE project_id = ? ORDER BY created_at, id',
    [projectId],
  )
  return rows.map(toChannel)
}

export async function deleteAlertChannel(db: Queryable, projectId: string, id: string): Promise<boolean> {
  return (
    (await db.run('DELETE FROM alert_channels WHERE project_id = ? AND id = ?', [projectId, id])).changes > 0
  )
}
