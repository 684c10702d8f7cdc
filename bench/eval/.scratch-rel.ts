import { relevanceEvaluator, relevanceSignals } from '../../packages/server/src/eval/evaluators/relevance.js'
import { analyze } from '../../packages/server/src/eval/text/analysis.js'
import { CorpusStats } from '../../packages/server/src/eval/text/corpus-stats.js'
import { generateTraffic } from './traffic.js'
const turns = generateTraffic(4000, 1)
const corpus = new CorpusStats()
for (const t of generateTraffic(2000, 2)) { corpus.addDocument(t.query); corpus.addDocument(t.response) }
function time(name: string, f: (i: number) => unknown) {
  for (let i = 0; i < 3000; i++) f(i)
  const N = 12000; const t0 = performance.now()
  for (let i = 0; i < N; i++) f(i)
  console.log(name.padEnd(34), ((performance.now() - t0) * 1000 / N).toFixed(1), 'µs')
}
const T = (i: number) => turns[i % 4000]!
time('analyze+terms resp (fresh)', (i) => analyze(T(i).response).termCounts)
time('relevance eval no corpus', (i) => relevanceEvaluator.evaluate({ query: T(i).query, response: T(i).response }))
time('relevance eval corpus', (i) => relevanceEvaluator.evaluate({ query: T(i).query, response: T(i).response, corpus }))
const few = turns.slice(0, 32)
time('relevance signals corpus cached', (i) => relevanceSignals({ query: few[i % 32]!.query, response: few[i % 32]!.response, corpus }))
time('relevance signals nocorpus cached', (i) => relevanceSignals({ query: few[i % 32]!.query, response: few[i % 32]!.response }))
