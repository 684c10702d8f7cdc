import { runHeuristics } from '../../packages/server/src/eval/evaluators/index.js'
import { CorpusStats } from '../../packages/server/src/eval/text/corpus-stats.js'
import { generateTraffic } from './traffic.js'
const turns = generateTraffic(4000, 1)
const corpus = new CorpusStats()
for (const t of generateTraffic(2000, 2)) { corpus.addDocument(t.query); corpus.addDocument(t.response) }
for (let i = 0; i < 3000; i++) { const t = turns[i % turns.length]!; runHeuristics({ query: t.query, response: t.response, corpus }) }
let best = 0; let bestCpu = 0
for (let b = 0; b < 40; b++) {
  const N = 500
  const c0 = process.cpuUsage(); const t0 = performance.now()
  for (let i = 0; i < N; i++) { const t = turns[(b * N + i) % turns.length]!; runHeuristics({ query: t.query, response: t.response, corpus }) }
  const wall = (performance.now() - t0) / 1000; const cu = process.cpuUsage(c0); const cpu = (cu.user + cu.system) / 1e6
  best = Math.max(best, N / wall); bestCpu = Math.max(bestCpu, N / cpu)
}
console.log('best wall', best.toFixed(0), '/s   best cpu', bestCpu.toFixed(0), '/cpu-s')
