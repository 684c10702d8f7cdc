import { componentEvaluators, runHeuristics } from '../../packages/server/src/eval/evaluators/index.js'
import { combineQuality } from '../../packages/server/src/eval/evaluators/quality.js'
import { CorpusStats } from '../../packages/server/src/eval/text/corpus-stats.js'
import { generateTraffic } from './traffic.js'
const turns = generateTraffic(4000, 1)
const corpus = new CorpusStats()
for (const t of generateTraffic(2000, 2)) { corpus.addDocument(t.query); corpus.addDocument(t.response) }
const acc = new Map<string, number>()
for (let i = 0; i < 16000; i++) {
  const t = turns[i % turns.length]!; const input = { query: t.query, response: t.response, corpus }
  const scores = []
  for (const e of componentEvaluators) { const t0 = performance.now(); scores.push(...e.evaluate(input)); if (i >= 4000) acc.set(e.name, (acc.get(e.name) ?? 0) + performance.now() - t0) }
  const t0 = performance.now(); combineQuality(scores, input); if (i >= 4000) acc.set('quality', (acc.get('quality') ?? 0) + performance.now() - t0)
}
let tot = 0; for (const [k, v] of acc) { tot += v; console.log(k.padEnd(24), (v * 1000 / 12000).toFixed(1), 'µs') }; console.log('total', (tot * 1000 / 12000).toFixed(1))
