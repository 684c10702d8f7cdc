import { scoreCoherence } from '../../packages/server/src/eval/evaluators/coherence.js'
import { scoreSentiment } from '../../packages/server/src/eval/evaluators/sentiment.js'
import { scoreToxicity } from '../../packages/server/src/eval/evaluators/toxicity.js'
import { analyze } from '../../packages/server/src/eval/text/analysis.js'
import { generateTraffic } from './traffic.js'
const turns = generateTraffic(4000, 1)
const which = process.argv[2]
const f = which === 'vader' ? (t: string) => scoreSentiment(t) : which === 'coh' ? (t: string) => scoreCoherence(t) : (t: string) => scoreToxicity(t)
let tot = 0
for (let i = 0; i < 30000; i++) { const t = turns[i % 4000]!.response; analyze(t).lower; const t0 = performance.now(); f(t); if (i > 5000) tot += performance.now() - t0 }
console.log(which, (tot * 1000 / 25000).toFixed(1), 'µs (words/lower precomputed)')
