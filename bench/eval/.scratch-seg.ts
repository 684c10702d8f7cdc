import { splitSentences } from '../../packages/server/src/eval/text/sentences.js'
import { contentTerms } from '../../packages/server/src/eval/text/analysis.js'
import { words } from '../../packages/server/src/eval/text/tokenize.js'
import { generateTraffic } from './traffic.js'
const turns = generateTraffic(4000, 1).map(t => t.response)
const lowers = turns.map(t => words(t).map(w => w.toLowerCase()))
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
function time(name: string, f: (i: number) => unknown) {
  for (let i = 0; i < 4000; i++) f(i)
  const N = 40000; const c0 = cpu()
  for (let i = 0; i < N; i++) f(i)
  console.log(name.padEnd(20), ((cpu() - c0) * 1000 / N).toFixed(2), 'µs cpu')
}
time('splitSentences', i => splitSentences(turns[i % 4000]!))
time('words', i => words(turns[i % 4000]!))
time('contentTerms', i => contentTerms(lowers[i % 4000]!))
time('lower', i => lowers[i % 4000]!.map(w => w.toLowerCase()))
import { polarityScores } from '../../packages/server/src/eval/text/vader.js'
import { analyze } from '../../packages/server/src/eval/text/analysis.js'
import { findToxicTerms } from '../../packages/server/src/eval/text/toxic-terms.js'
import { evasionTokens } from '../../packages/server/src/eval/text/evasion.js'
const few = turns.slice(0, 50); for (const t of few) analyze(t).segmentation
time('polarity (seg cached)', i => polarityScores(few[i % 50]!))
time('toxic terms', i => findToxicTerms(turns[i % 4000]!))
time('evasionTokens', i => evasionTokens(turns[i % 4000]!))
