import { scoreSentiment } from '../../packages/server/src/eval/evaluators/sentiment.js'
import { analyze } from '../../packages/server/src/eval/text/analysis.js'
import { generateTraffic } from './traffic.js'
const turns = generateTraffic(4000, 1).map(t => t.response)
let n = 0
for (let r = 0; r < 30; r++) for (let i = 0; i < 4000; i++) { const t = turns[i]!; const a = analyze(t); a.chunks; a.lower; a.terms; scoreSentiment(t); n++ }
