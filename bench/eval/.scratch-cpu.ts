import { componentEvaluators } from '../../packages/server/src/eval/evaluators/index.js'
import { combineQuality } from '../../packages/server/src/eval/evaluators/quality.js'
import { analyze } from '../../packages/server/src/eval/text/analysis.js'
import { CorpusStats } from '../../packages/server/src/eval/text/corpus-stats.js'
import { generateTraffic } from './traffic.js'
const turns = generateTraffic(4000, 1)
const corpus = new CorpusStats()
for (const t of generateTraffic(2000, 2)) { corpus.addDocument(t.query); corpus.addDocument(t.response) }
const now = () => performance.now()
const best = new Map<string, number>()
for (let round = 0; round < 14; round++) {
  const acc = new Map<string, number>()
  const N = 1000
  for (let i = 0; i < N; i++) {
    const t = turns[(round * N + i) % turns.length]!; const input = { query: t.query, response: t.response, corpus }
    const steps: [string, () => void][] = [
      ['a.words+lower+terms', () => analyze(t.response).termCounts],
      ['a.chunks', () => analyze(t.response).chunks],
      ['a.segmentation+sentenceWords', () => analyze(t.response).sentenceWords],
    ]
    for (const [name, f] of steps) { const c0 = now(); f(); acc.set(name, (acc.get(name) ?? 0) + now() - c0) }
    const scores = []
    for (const e of componentEvaluators) { const c0 = now(); scores.push(...e.evaluate(input)); acc.set(e.name, (acc.get(e.name) ?? 0) + now() - c0) }
    const c0 = now(); combineQuality(scores, input); acc.set('quality', (acc.get('quality') ?? 0) + now() - c0)
  }
  if (round >= 2) for (const [k, v] of acc) best.set(k, Math.min(best.get(k) ?? Infinity, v * 1000 / N))
}
let tot = 0; for (const [k, v] of best) { tot += v; console.log(k.padEnd(30), v.toFixed(1), 'µs') }; console.log('sum of bests', tot.toFixed(1), '→', (1e6 / tot).toFixed(0), '/s')
