import { analyze } from '../../packages/server/src/eval/text/analysis.js'
import * as c from '../../packages/server/src/eval/evaluators/coherence-checks.js'
import { generateTraffic } from './traffic.js'
const turns = generateTraffic(4000, 1)
const as = turns.slice(0, 60).map(t => { const a = analyze(t.response); a.words; a.lower; a.segmentation; a.sentenceWords; return a })
function time(name: string, f: (a: ReturnType<typeof analyze>) => unknown) {
  for (let i = 0; i < 3000; i++) f(as[i % as.length]!)
  const N = 20000; const t0 = performance.now()
  for (let i = 0; i < N; i++) f(as[i % as.length]!)
  console.log(name.padEnd(20), ((performance.now() - t0) * 1000 / N).toFixed(2), 'µs')
}
time('repeatedSentences', a => c.repeatedSentences(a.segmentation.sentences))
time('repeatedTrigrams', a => c.repeatedTrigrams(a.lower))
time('stutter', a => c.stutter(a.lower))
time('garbled', a => c.garbledTokens(a.text, a.words))
time('fewFunction', a => c.fewFunctionWords(a.lower))
time('lowercaseStarts', a => c.lowercaseStarts(a.segmentation.sentences))
time('truncation', a => c.truncation(a.text, a.segmentation.sentences.at(-1), false))
time('punctRuns', a => c.punctuationRuns(a.text))
time('shape', a => c.sentenceShape(a.segmentation.sentences, a.sentenceWords))
