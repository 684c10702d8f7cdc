/**
 * Throughput of the full heuristic set (every component evaluator, then quality) on one thread,
 * over distinct synthetic support responses of 50-300 words, with a warm IDF corpus.
 *
 * Run: node --import tsx bench/eval/heuristics.ts [--seconds 6]
 *
 * The time is split into rounds of about half a second. For each round it records wall-clock
 * evaluations per second and evaluations per CPU-second of this process (process.cpuUsage, which
 * does not count time the process spent waiting for a core that other programs were using).
 * It prints the median and best round of each, the load average, and a JSON line.
 */
import { loadavg } from 'node:os'
import { performance } from 'node:perf_hooks'
import { componentEvaluators, runHeuristics } from '../../packages/server/src/eval/evaluators/index.js'
import { CorpusStats } from '../../packages/server/src/eval/text/corpus-stats.js'
import { generateTraffic, type Turn } from './traffic.js'

const SECONDS = Number(process.argv[process.argv.indexOf('--seconds') + 1]) || 6
const ROUND_MS = 500
const DISTINCT_TURNS = 4_000
const CORPUS_TURNS = 5_000
const WARMUP_EVALUATIONS = 3_000
const TARGET_PER_SECOND = 5_000

const turns = generateTraffic(DISTINCT_TURNS, 1)
const corpus = new CorpusStats()
for (const t of generateTraffic(CORPUS_TURNS, 2)) {
  corpus.addDocument(t.query)
  corpus.addDocument(t.response)
}
const corpusAtStart = { documents: corpus.documentCount, terms: corpus.vocabularySize }
const loadBefore = loadavg()[0]!

type Rounds = { evaluations: number; wall: number[]; cpu: number[]; latenciesUs: number[] }

// Cycling through 4,000 distinct turns keeps the 8-entry analysis cache from ever hitting across
// turns: every evaluation tokenizes its texts afresh, as a stream of real traces would.
function measure(evaluate: (t: Turn) => void, seconds: number): Rounds {
  for (let i = 0; i < WARMUP_EVALUATIONS; i++) evaluate(turns[i % turns.length]!)
  const r: Rounds = { evaluations: 0, wall: [], cpu: [], latenciesUs: [] }
  const deadline = performance.now() + seconds * 1000
  let n = 0
  while (performance.now() < deadline) {
    const start = performance.now()
    const cpu0 = process.cpuUsage()
    let count = 0
    while (performance.now() - start < ROUND_MS) {
      for (let k = 0; k < 50; k++, n++, count++) {
        const t0 = performance.now()
        evaluate(turns[n % turns.length]!)
        r.latenciesUs.push((performance.now() - t0) * 1000)
      }
    }
    const wallSeconds = (performance.now() - start) / 1000
    const cpu = process.cpuUsage(cpu0)
    r.wall.push(count / wallSeconds)
    r.cpu.push(count / ((cpu.user + cpu.system) / 1e6))
    r.evaluations += count
  }
  return r
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const quantile = (xs: number[], q: number) =>
  [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!
const summary = (r: Rounds) => ({
  evaluations: r.evaluations,
  rounds: r.wall.length,
  medianPerSecond: Math.round(median(r.wall)),
  bestPerSecond: Math.round(Math.max(...r.wall)),
  perCpuSecond: Math.round(median(r.cpu)),
  p50Us: Number(quantile(r.latenciesUs, 0.5).toFixed(1)),
  p99Us: Number(quantile(r.latenciesUs, 0.99).toFixed(1)),
})

const full = summary(measure((t) => runHeuristics({ query: t.query, response: t.response, corpus }), SECONDS))
const learning = summary(
  measure((t) => {
    runHeuristics({ query: t.query, response: t.response, corpus })
    corpus.addDocument(t.query)
    corpus.addDocument(t.response)
  }, SECONDS / 2),
)
const perEvaluator = componentEvaluators.map((e) => ({
  name: e.name,
  ...summary(
    measure((t) => e.evaluate({ query: t.query, response: t.response, corpus }), Math.max(1, SECONDS / 6)),
  ),
}))
const loadAfter = loadavg()[0]!

const words = turns.map((t) => t.words)
const meanWords = words.reduce((a, b) => a + b, 0) / words.length
const col = (x: number | string, width = 10) => String(x).padStart(width)
const row = (name: string, s: ReturnType<typeof summary>) =>
  `${name.padEnd(34)}${col(s.medianPerSecond)}${col(s.bestPerSecond)}${col(s.perCpuSecond)}${col(s.p50Us.toFixed(1))}${col(s.p99Us.toFixed(1))}`

console.log(`heuristic evaluators, one thread, Node ${process.version} ${process.arch}`)
console.log(
  `${turns.length} distinct responses of ${Math.min(...words)}-${Math.max(...words)} words (mean ${meanWords.toFixed(0)}); warm corpus of ${corpusAtStart.documents} documents, ${corpusAtStart.terms} terms`,
)
console.log(
  `1-minute load average ${loadBefore.toFixed(2)} before, ${loadAfter.toFixed(2)} after (other programs share the machine)`,
)
console.log('')
console.log(
  `${'run'.padEnd(34)}${col('median/s')}${col('best/s')}${col('per cpu-s')}${col('p50 µs')}${col('p99 µs')}`,
)
console.log(row('full set (runHeuristics)', full))
console.log(row('full set + corpus.addDocument ×2', learning))
for (const e of perEvaluator) console.log(row(`  ${e.name} alone`, e))
console.log('')
console.log(
  `target ${TARGET_PER_SECOND}/s: median round ${full.medianPerSecond >= TARGET_PER_SECOND ? 'meets' : 'misses'} it, per CPU-second ${full.perCpuSecond >= TARGET_PER_SECOND ? 'meets' : 'misses'} it`,
)
console.log(
  JSON.stringify({
    bench: 'eval.heuristics',
    node: process.version,
    responses: turns.length,
    meanWords: Number(meanWords.toFixed(1)),
    corpusDocuments: corpusAtStart.documents,
    loadAverage: { before: Number(loadBefore.toFixed(2)), after: Number(loadAfter.toFixed(2)) },
    fullSet: full,
    fullSetWithCorpusUpdate: learning,
    perEvaluator: Object.fromEntries(perEvaluator.map(({ name, ...s }) => [name, s])),
    targetPerSecond: TARGET_PER_SECOND,
  }),
)
