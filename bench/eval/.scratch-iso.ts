import { polarityScores } from '../../packages/server/src/eval/text/vader.js'
import { analyze } from '../../packages/server/src/eval/text/analysis.js'
import { findToxicTerms } from '../../packages/server/src/eval/text/toxic-terms.js'
import { generateTraffic } from './traffic.js'
const turns = generateTraffic(4000, 1).map(t => t.response)
const cpu = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000 }
const few = turns.slice(0, 50); for (const t of few) { const a = analyze(t); a.lower; a.chunks; a.segmentation }
function time(name: string, f: (i: number) => unknown) {
  for (let i = 0; i < 4000; i++) f(i)
  let best = Infinity
  for (let r = 0; r < 12; r++) {
    const N = 4000; const c0 = cpu()
    for (let i = 0; i < N; i++) f(r * N + i)
    best = Math.min(best, (cpu() - c0) * 1000 / N)
  }
  console.log(name.padEnd(26), best.toFixed(2), 'µs cpu (best of 12)')
}
time('polarity (analysis cached)', i => polarityScores(few[i % 50]!))
time('toxic terms (analysis cached)', i => findToxicTerms(few[i % 50]!))
time('chunks build', i => { const a = analyze(few[i % 50]!); return (a as any) })
import { TextAnalysis } from '../../packages/server/src/eval/text/analysis.js'
time('words (fresh)', i => new TextAnalysis(turns[i % 4000]!).words)
time('words+chunks (fresh)', i => new TextAnalysis(turns[i % 4000]!).chunks)
time('words+lower+terms (fresh)', i => new TextAnalysis(turns[i % 4000]!).termCounts)
time('segmentation (fresh)', i => new TextAnalysis(turns[i % 4000]!).segmentation)
