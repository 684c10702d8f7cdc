import type { AlertEvent, AlertRule } from '../../store/index.js'
import { COMPARATOR_TEXT } from '../vocabulary.js'

const fmt = (v: number | null) =>
  v === null ? 'n/a' : Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toPrecision(3)).toString()
const minutes = (ms: number) =>
  ms % 3_600_000 === 0 ? `${ms / 3_600_000} h` : `${Math.round(ms / 60_000)} min`

/** One line a person reads: what, how bad, against which threshold, over which window. */
export function alertText(e: AlertEvent): string {
  const verb = e.kind === 'firing' ? 'FIRING' : 'RESOLVED'
  const cond = `${e.metric} ${COMPARATOR_TEXT[e.comparator]} ${fmt(e.threshold)}`
  const seen = e.kind === 'firing' ? `value ${fmt(e.value)}` : `now ${fmt(e.value)}`
  const window = minutes(e.windowTo - e.windowFrom)
  // A score rule counts scores recorded in the window (a late judge score still alerts), whenever
  // its interaction happened; the other rules count interactions that happened in the window.
  const violations =
    typeof e.details.violations !== 'number'
      ? ` over the last ${window}`
      : e.metric.startsWith('score:')
        ? `, ${e.details.violations} of ${e.details.checked} interactions scored in the last ${window}`
        : `, ${e.details.violations} of ${e.details.checked} interactions in the last ${window}`
  return `[${verb}] ${e.ruleName} (${e.severity}): ${cond}; ${seen}${violations}`
}

/** The generic JSON body: stable field names a receiver can rely on (version 1). */
export function genericBody(
  e: AlertEvent,
  rule: Pick<AlertRule, 'scope' | 'aggregation' | 'filters'> | null,
  dashboardUrl?: string,
) {
  return {
    type: 'chatlens.alert',
    version: 1,
    status: e.kind,
    text: alertText(e),
    event: {
      id: e.id,
      projectId: e.projectId,
      ruleId: e.ruleId,
      ruleName: e.ruleName,
      severity: e.severity,
      metric: e.metric,
      comparator: e.comparator,
      threshold: e.threshold,
      value: e.value,
      sample: e.sample,
      window: { from: new Date(e.windowFrom).toISOString(), to: new Date(e.windowTo).toISOString() },
      at: new Date(e.at).toISOString(),
      details: e.details,
    },
    rule: rule ? { scope: rule.scope, aggregation: rule.aggregation, filters: rule.filters } : null,
    ...(dashboardUrl ? { url: dashboardUrl } : {}),
  }
}

const EMOJI = {
  firing: {
    low: ':large_yellow_circle:',
    medium: ':large_orange_circle:',
    high: ':red_circle:',
    critical: ':rotating_light:',
  },
  resolved: ':white_check_mark:',
}

/** A Slack incoming-webhook body (text for notifications, blocks for the message). */
export function slackBody(e: AlertEvent) {
  const icon = e.kind === 'firing' ? EMOJI.firing[e.severity] : EMOJI.resolved
  const text = `${icon} ${alertText(e)}`
  const ids = Array.isArray(e.details.traceIds) ? (e.details.traceIds as string[]).slice(0, 5) : []
  return {
    text,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `${icon} *${e.kind === 'firing' ? 'Firing' : 'Resolved'}: ${e.ruleName}*`,
        },
      },
      {
        type: 'section',
        fields: [
          { type: 'mrkdwn', text: `*Severity*\n${e.severity}` },
          {
            type: 'mrkdwn',
            text: `*Condition*\n${e.metric} ${COMPARATOR_TEXT[e.comparator]} ${fmt(e.threshold)}`,
          },
          { type: 'mrkdwn', text: `*Value*\n${fmt(e.value)}` },
          { type: 'mrkdwn', text: `*Window*\n${minutes(e.windowTo - e.windowFrom)}` },
        ],
      },
      ...(ids.length
        ? [{ type: 'context', elements: [{ type: 'mrkdwn', text: `traces: ${ids.join(', ')}` }] }]
        : []),
    ],
  }
}
