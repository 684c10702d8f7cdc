import { createWriteStream } from 'node:fs'
import { Readable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import type { Command } from 'commander'
import { z } from 'zod'
import { collectTotal, DAY_MS, exportInteractions, FilterFields, resolveWindow } from '../analytics/index.js'
import type { ServerFlags } from '../config.js'
import { Time } from '../model/index.js'
import { dim, fail, green } from './output.js'
import { progressBar } from './progress.js'
import { serverOptions } from './serve.js'
import { parseFlags, refreshRollups, withStore } from './with-store.js'

const ExportFlags = z.object({
  format: z.enum(['csv', 'jsonl']),
  days: z.coerce.number().int().min(1, 'at least 1 day').max(3650).optional(),
  from: Time.optional(),
  to: Time.optional(),
  out: z.string().min(1).optional(),
  content: z.boolean(),
  ...FilterFields,
})

const FILTERS = [
  'bot',
  'version',
  'variant',
  'model',
  'environment',
  'prompt-name',
  'prompt-version',
  'category',
  'user-id',
  'tag',
]

export function registerExport(program: Command) {
  let cmd = serverOptions(program.command('export'))
    .description('stream interactions with their scores as CSV or JSON Lines (millions of rows, flat memory)')
    .option('-f, --format <format>', 'csv or jsonl', 'jsonl')
    .option('--days <n>', 'the last n days (default 30, unless --from is given)')
    .option('--from <time>', 'start, ISO-8601')
    .option('--to <time>', 'end, ISO-8601 (default now)')
    .option('-o, --out <file>', 'write to a file instead of stdout')
    .option('--no-content', 'leave out the input and output texts')
  for (const f of FILTERS)
    cmd = cmd.option(`--${f} <value>`, `only interactions with this ${f.replace('-', ' ')}`)
  cmd.action(async (raw: ServerFlags & Record<string, unknown>) => {
    const flags = parseFlags(ExportFlags, raw)
    const { format, days, from, to, out, content, ...filter } = flags
    const now = Date.now()
    const window =
      from !== undefined || to !== undefined
        ? { from: from ?? 0, to: to ?? now }
        : resolveWindow({ window: (days ?? 30) * DAY_MS }, now)
    if (window.to <= window.from) fail('--from must be before --to')
    await withStore(raw, async (db, projectId) => {
      await refreshRollups(db)
      const { userId: _u, tag: _t, ...rollupFilter } = filter
      const estimate = (
        await collectTotal(db, projectId, { ...window, filter: rollupFilter, withSketches: false })
      ).t.traces
      process.stderr.write(
        dim(
          `  exporting up to ${estimate.toLocaleString('en')} interactions from ${new Date(window.from).toISOString()} to ${new Date(window.to).toISOString()}\n`,
        ),
      )
      const bar = progressBar('rows', Math.max(1, estimate), process.stderr)
      const started = performance.now()
      let rows = 0
      let bytes = 0
      const chunks = exportInteractions(db, projectId, { format, window, filter, content }, (n) => {
        rows = n
        bar.update(n)
      })
      async function* counted() {
        for await (const chunk of chunks) {
          bytes += Buffer.byteLength(chunk)
          yield chunk
        }
      }
      // stdout is left open (it is not ours to end); a file is closed when done.
      if (out) await pipeline(Readable.from(counted()), createWriteStream(out))
      else {
        // A reader that stops early (`| head`) is not an error.
        process.stdout.on('error', (err: NodeJS.ErrnoException) => {
          if (err.code === 'EPIPE') process.exit(0)
        })
        await pipeline(Readable.from(counted()), process.stdout, { end: false }).catch(
          (err: NodeJS.ErrnoException) => {
            if (err.code !== 'EPIPE') throw err
            process.exit(0)
          },
        )
      }
      bar.stop()
      const seconds = (performance.now() - started) / 1000
      process.stderr.write(
        `${green('exported')} ${rows.toLocaleString('en')} interactions, ${(bytes / 1048576).toFixed(1)} MiB in ${seconds.toFixed(1)} s${out ? ` to ${out}` : ''}\n`,
      )
    })
  })
}
