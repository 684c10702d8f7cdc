import { TextAnalysis } from '../../packages/server/src/eval/text/analysis.js'
import { polarityScores } from '../../packages/server/src/eval/text/vader.js'
import { findToxicTerms } from '../../packages/server/src/eval/text/toxic-terms.js'
import { scoreCoherence } from '../../packages/server/src/eval/evaluators/coherence.js'
import { scoreSupportSignals } from '../../packages/server/src/eval/evaluators/support-signals.js'
import { findPii } from '../../packages/server/src/eval/evaluators/pii-detectors.js'
import { generateTraffic } from './traffic.js'
const turns = generateTraffic(4000, 1)
function time(name: string, f: (t: string, i: number) => unknown) {
  for (let i = 0; i < 2000; i++) f(turns[i % 4000]!.response, i)
  const N = 8000; const t0 = performance.now()
  for (let i = 0; i < N; i++) f(turns[i % 4000]!.response, i)
  console.log(name.padEnd(28), ((performance.now() - t0) * 1000 / N).toFixed(1), 'µs')
}
time('words', (t) => new TextAnalysis(t).words)
time('words+lower', (t) => new TextAnalysis(t).lower)
time('words+terms', (t) => new TextAnalysis(t).terms)
time('segmentation', (t) => new TextAnalysis(t).segmentation)
time('segmentation+sentenceWords', (t) => new TextAnalysis(t).sentenceWords)
time('polarity (cached analysis)', (t) => polarityScores(t))
time('toxic terms', (t) => findToxicTerms(t))
time('coherence (cached)', (t) => scoreCoherence(t))
time('support (cached)', (t) => scoreSupportSignals({ query: '', response: t }))
time('pii', (t) => findPii(t))
