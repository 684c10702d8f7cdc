import type { Command } from 'commander'
import { z } from 'zod'
import { alertText, checkProject } from '../alerts/index.js'
import type { ServerFlags } from '../config.js'
import { type AlertRule, listAlertEvents, listAlertRules } from '../store/index.js'
import { bold, dim, green, red, yellow } from './output.js'
import { serverOptions } from './serve.js'
import { parseFlags, refreshRollups, withStore } from './with-store.js'

const OPS = { gt: '>', gte: '≥', lt: '<', lte: '≤' }
const fmt = (v: number | null) => (v === null ? '–' : Number(v.toPrecision(4)).toString())
const when = (t: number | null) =>
  t === null ? '–' : new Date(t).toISOString().replace('T', ' ').slice(0, 16)
const condition = (r: AlertRule) =>
  `${r.metric}${r.scope === 'window' && !['value', 'count'].includes(r.aggregation) ? ` ${r.aggregation}` : ''} ${OPS[r.comparator]} ${fmt(r.threshold)}`

function printTable(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)))
  for (const r of [header, ...rows])
    process.stdout.write(
      `${r
        .map((c, i) => c.padEnd(widths[i]!))
        .join('  ')
        .trimEnd()}\n`,
    )
}

export function registerAlerts(program: Command) {
  const alerts = program.command('alerts').description('list, check and review alert rules')

  serverOptions(alerts.command('list'))
    .description('the rules of the project with their state')
    .action(async (flags: ServerFlags) => {
      const rules = await withStore(flags, (db, projectId) => listAlertRules(db, projectId))
      printTable(
        ['name', 'scope', 'condition', 'window', 'severity', 'state', 'last value', 'checked (UTC)'],
        rules.map((r) => [
          r.enabled ? r.name : `${r.name} (disabled)`,
          r.scope,
          condition(r),
          `${r.windowMs / 60_000} min`,
          r.severity,
          r.state,
          fmt(r.lastValue),
          when(r.lastCheckedAt),
        ]),
      )
    })

  serverOptions(alerts.command('check'))
    .description('evaluate every rule now, record what changed and send its notifications')
    .action(async (flags: ServerFlags) => {
      const result = await withStore(flags, async (db, projectId) => {
        await refreshRollups(db)
        process.stderr.write(dim('  evaluating rules…\n'))
        return checkProject(db, projectId, { log: () => {} })
      })
      for (const c of result.checks) {
        const e = c.evaluation
        const verdict =
          e.breaking === null ? yellow('not enough data') : e.breaking ? red('breaking') : green('ok')
        process.stdout.write(
          `  ${c.rule.name.padEnd(36)} ${condition(c.rule).padEnd(34)} value ${fmt(e.value).padEnd(8)} n=${String(e.sample).padEnd(6)} ${verdict}\n`,
        )
      }
      process.stdout.write(result.events.length ? '\n' : `\n${dim('no state changed')}\n`)
      for (const e of result.events) {
        const sent = e.suppressed
          ? 'within cool-down, not sent'
          : e.deliveryStatus === 'skipped'
            ? 'no channel configured'
            : e.deliveryStatus
        process.stdout.write(`${bold(alertText(e))} ${dim(`(${sent})`)}\n`)
      }
    })

  serverOptions(alerts.command('history'))
    .description('alert events, newest first')
    .option('-n, --limit <n>', 'how many', '20')
    .action(async (raw: ServerFlags & { limit: string }) => {
      const { limit } = parseFlags(z.object({ limit: z.coerce.number().int().min(1).max(500) }), raw)
      const page = await withStore(raw, (db, projectId) => listAlertEvents(db, projectId, {}, { limit }))
      printTable(
        ['when (UTC)', 'rule', 'severity', 'event', 'value', 'notification'],
        page.data.map((e) => [
          when(e.at),
          e.ruleName,
          e.severity,
          e.kind,
          fmt(e.value),
          e.suppressed ? 'cool-down' : e.deliveryStatus,
        ]),
      )
      if (page.data.length === 0) process.stdout.write(dim('no alert has fired yet\n'))
    })
}
