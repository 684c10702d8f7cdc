import {
  type AlertEvent,
  claimAlertDelivery,
  type Db,
  type Delivery,
  type DeliveryStatus,
  finishAlertDelivery,
  getAlertRule,
  listAlertChannels,
} from '../../store/index.js'
import { genericBody, slackBody } from './payload.js'
import { type PostOptions, postJson } from './webhook.js'

/** A delivery claimed longer ago than this was abandoned (its process died) and is taken over. */
export const STALE_CLAIM_MS = 5 * 60_000

export type DeliverOptions = { post?: PostOptions; dashboardUrl?: string; now?: () => number }

/**
 * Sends an event to the rule's channels (every enabled channel of the project when the rule
 * names none): a generic JSON webhook or a Slack-compatible one. Exactly one caller gets to
 * send it; the outcome is stored on the event. Returns null when someone else had it.
 */
export async function deliverEvent(
  db: Db,
  e: AlertEvent,
  o: DeliverOptions = {},
): Promise<{ status: DeliveryStatus; deliveries: Delivery[] } | null> {
  const now = (o.now ?? Date.now)()
  if (!(await claimAlertDelivery(db, e.projectId, e.id, now, now - STALE_CLAIM_MS))) return null
  const rule = await getAlertRule(db, e.projectId, e.ruleId)
  const channels = (await listAlertChannels(db, e.projectId)).filter(
    (c) => c.enabled && (rule?.channels == null || rule.channels.includes(c.id)),
  )
  const deliveries: Delivery[] = []
  for (const c of channels) {
    const body = c.type === 'slack' ? slackBody(e) : genericBody(e, rule ?? null, o.dashboardUrl)
    const r = await postJson(c.url!, body, o.post)
    deliveries.push({
      channelId: c.id,
      type: c.type,
      ok: r.ok,
      attempts: r.attempts,
      ...(r.status ? { status: r.status } : {}),
      ...(r.error ? { error: r.error } : {}),
    })
  }
  const status = deliveries.length === 0 ? 'skipped' : deliveries.every((d) => d.ok) ? 'sent' : 'failed'
  await finishAlertDelivery(db, e.projectId, e.id, status, deliveries)
  return { status, deliveries }
}
