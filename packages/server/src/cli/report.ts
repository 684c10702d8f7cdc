import { writeFileSync } from 'node:fs'
import type { Command } from 'commander'
import { z } from 'zod'
import { buildReport, ReportFormat, reportHtml, reportMarkdown } from '../analytics/index.js'
import type { ServerFlags } from '../config.js'
import { dim, green } from './output.js'
import { serverOptions } from './serve.js'
import { parseFlags, refreshRollups, withStore } from './with-store.js'

const ReportFlags = z.object({
  days: z.coerce.number().int().min(1, 'at least 1 day').max(90, 'at most 90 days'),
  format: ReportFormat,
  out: z.string().min(1).optional(),
})

export function registerReport(program: Command) {
  serverOptions(program.command('report'))
    .description('summary report of usage, quality, latency, cost, alerts, trends and what to fix')
    .option('--days <n>', 'how many days back, 1–90', '7')
    .option('-f, --format <format>', 'md, json or html (one self-contained file with charts)', 'md')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .action(async (raw: ServerFlags & Record<string, unknown>) => {
      const flags = parseFlags(ReportFlags, raw)
      const text = await withStore(raw, async (db, projectId) => {
        await refreshRollups(db)
        process.stderr.write(dim(`  gathering ${flags.days} day${flags.days === 1 ? '' : 's'} of figures…\n`))
        const report = await buildReport(db, projectId, { days: flags.days })
        if (flags.format === 'json') return `${JSON.stringify(report, null, 2)}\n`
        return flags.format === 'html' ? reportHtml(report) : reportMarkdown(report)
      })
      if (!flags.out) return void process.stdout.write(text)
      writeFileSync(flags.out, text)
      process.stderr.write(
        `${green('wrote')} ${flags.out} (${(Buffer.byteLength(text) / 1024).toFixed(1)} KiB)\n`,
      )
    })
}
