import { newId } from '../model/ids.js'
import {
  type AlertEvent,
  type AlertRule,
  type Db,
  getAlertRule,
  insertAlertEvent,
  listAlertRules,
  listProjects,
  lockKeys,
  pendingAlertDeliveries,
  saveAlertRuleState,
} from '../store/index.js'
import { type Evaluation, evaluateRule, MetricsCache } from './evaluate.js'
import { type DeliverOptions, deliverEvent, STALE_CLAIM_MS } from './notify/deliver.js'
import { alertText } from './notify/payload.js'

export type CheckOptions = {
  now?: number
  /** The log notifier: every transition is written here (the server passes its log). */
  log?: (line: string) => void
  deliver?: DeliverOptions
}

export type RuleCheck = { rule: AlertRule; evaluation: Evaluation; event: AlertEvent | null }
export type CheckResult = { projectId: string; checks: RuleCheck[]; events: AlertEvent[] }

function eventOf(
  rule: AlertRule,
  ev: Evaluation,
  kind: AlertEvent['kind'],
  suppressed: boolean,
  now: number,
): AlertEvent {
  return {
    id: newId(now),
    projectId: rule.projectId,
    ruleId: rule.id,
    ruleName: rule.name,
    severity: rule.severity,
    kind,
    metric:
      rule.scope === 'window' && !['value', 'count'].includes(rule.aggregation)
        ? `${rule.metric} (${rule.aggregation})`
        : rule.metric,
    comparator: rule.comparator,
    threshold: rule.threshold,
    value: ev.value,
    sample: ev.sample,
    windowFrom: ev.window.from,
    windowTo: ev.window.to,
    at: now,
    details: { scope: rule.scope, aggregation: rule.aggregation, ...ev.details },
    suppressed,
    deliveryStatus: suppressed ? 'skipped' : 'pending',
    deliveries: [],
  }
}

/**
 * Moves one rule through ok → firing → ok (resolved). Only a change of state makes an event
 * (de-duplication); a firing within the cool-down of the rule's last notification is recorded
 * but not sent, and so is the resolution of such a firing. The transition is decided inside a
 * transaction holding the rule's lock, so concurrent checkers (server instances, the CLI)
 * produce it once.
 */
async function transition(db: Db, rule: AlertRule, ev: Evaluation, now: number): Promise<AlertEvent | null> {
  return db.transaction(async (tx) => {
    await lockKeys(tx, [`alert:${rule.projectId}:${rule.id}`])
    const cur = await getAlertRule(tx, rule.projectId, rule.id)
    if (!cur?.enabled) return null
    const seen = { lastValue: ev.value, lastSample: ev.sample, lastCheckedAt: now }
    if (ev.breaking === true && cur.state === 'ok') {
      const suppressed = cur.lastNotifiedAt !== null && now - cur.lastNotifiedAt < cur.cooldownMs
      const event = eventOf(cur, ev, 'firing', suppressed, now)
      await insertAlertEvent(tx, event)
      await saveAlertRuleState(tx, cur.projectId, cur.id, {
        ...seen, state: 'firing', stateSince: now, stateSuppressed: suppressed, currentEventId: event.id,
        ...(suppressed ? {} : { lastNotifiedAt: now }),
      }) // biome-ignore format: one patch
      return event
    }
    if (ev.breaking === false && cur.state === 'firing') {
      const event = eventOf(cur, ev, 'resolved', cur.stateSuppressed, now)
      await insertAlertEvent(tx, event)
      await saveAlertRuleState(tx, cur.projectId, cur.id, {
        ...seen, state: 'ok', stateSince: now, stateSuppressed: false, currentEventId: null,
        ...(cur.stateSuppressed ? {} : { lastNotifiedAt: now }),
      }) // biome-ignore format: one patch
      return event
    }
    await saveAlertRuleState(tx, cur.projectId, cur.id, seen)
    return null
  })
}

/** Evaluates every enabled rule of a project now, records transitions and sends their notifications. */
export async function checkProject(db: Db, projectId: string, o: CheckOptions = {}): Promise<CheckResult> {
  const now = o.now ?? Date.now()
  const cache = new MetricsCache(db, projectId)
  const checks: RuleCheck[] = []
  for (const rule of (await listAlertRules(db, projectId)).filter((r) => r.enabled)) {
    const evaluation = await evaluateRule(db, rule, now, cache)
    const event = await transition(db, rule, evaluation, now)
    checks.push({ rule, evaluation, event })
    if (!event) continue
    o.log?.(`chatlens alert ${alertText(event)}${event.suppressed ? ' (within cool-down: not sent)' : ''}`)
    if (event.deliveryStatus !== 'pending') continue
    const sent = await deliverEvent(db, event, o.deliver)
    if (sent) Object.assign(event, { deliveryStatus: sent.status, deliveries: sent.deliveries })
  }
  return { projectId, checks, events: checks.flatMap((c) => (c.event ? [c.event] : [])) }
}

/** Checks every project, then retries deliveries a crashed process left behind. */
export async function checkAllProjects(db: Db, o: CheckOptions = {}): Promise<CheckResult[]> {
  const results: CheckResult[] = []
  for (const p of await listProjects(db)) results.push(await checkProject(db, p.id, o))
  const now = o.now ?? Date.now()
  for (const e of await pendingAlertDeliveries(db, now - STALE_CLAIM_MS)) {
    if (e.at < now - STALE_CLAIM_MS) await deliverEvent(db, e, o.deliver)
  }
  return results
}
