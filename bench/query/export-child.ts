// Exports every interaction of a store to a sink that discards it, and reports rows, time and
// memory: resident set size sampled as rows stream, and the process's peak (maxRSS).
import { Readable, Writable } from 'node:stream'
import { pipeline } from 'node:stream/promises'
import { exportInteractions } from '../../packages/server/src/analytics/index.js'
import { openStore } from '../../packages/server/src/store/index.js'

const [file, projectId, format] = process.argv.slice(2) as [string, string, 'csv' | 'jsonl']
const db = await openStore(file)
const mb = (b: number) => Math.round((b / 1048576) * 10) / 10
const baselineRssMb = mb(process.memoryUsage().rss)
// RSS includes the store's memory-mapped pages (mmap_size) and SQLite's page cache; heapUsed is
// what the export itself holds in JavaScript.
const samples: { rows: number; rssMb: number; heapMb: number }[] = []
let nextSample = 0
let bytes = 0
const started = performance.now()
let rows = 0
const chunks = exportInteractions(
  db,
  projectId,
  { format, window: { from: 0, to: Date.now() + 86_400_000 }, filter: {} },
  (n) => {
    rows = n
    if (n >= nextSample) {
      const m = process.memoryUsage()
      samples.push({ rows: n, rssMb: mb(m.rss), heapMb: mb(m.heapUsed) })
      nextSample += 100_000
    }
  },
)
await pipeline(
  Readable.from(chunks),
  new Writable({
    write(chunk: Buffer, _enc, done) {
      bytes += chunk.length
      done()
    },
  }),
)
const seconds = (performance.now() - started) / 1000
await db.close()
console.log(
  JSON.stringify({
    format,
    rows,
    megabytes: mb(bytes),
    seconds: Math.round(seconds * 10) / 10,
    rowsPerSecond: Math.round(rows / seconds),
    baselineRssMb,
    peakRssMb: Math.round(process.resourceUsage().maxRSS / 102.4) / 10,
    samples,
  }),
)
