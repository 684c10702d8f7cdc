import { loadLabelledSet } from '../../packages/server/src/eval/fixtures/labelled.js'
import { runHeuristics } from '../../packages/server/src/eval/evaluators/index.js'
const names: Record<string, [string, number]> = { relevant: ['relevance', 0.5], toxic: ['toxicity', 0.5], coherent: ['coherence', 0.6], pii: ['pii_leak', 0.5], refusal: ['refusal', 0.5], lengthOk: ['length_appropriateness', 0.5], supported: ['support_signals', 0.5], acceptable: ['quality', 0.7] }
for (const i of loadLabelledSet().filter(i => i.split === (process.argv[2] ?? 'holdout'))) {
  const s = runHeuristics(i)
  for (const [label, v] of Object.entries(i.labels)) {
    if (label === 'sentiment') { const x = s.find(z => z.name === 'sentiment')!; const p = x.value! > 0.6 ? 'positive' : x.value! < 0.4 ? 'negative' : 'neutral'; if (p !== v) console.log(i.id, 'sentiment', v, x.comment); continue }
    const [n, t] = names[label]!; const x = s.find(z => z.name === n)!
    if (x.value === null) continue
    if ((x.value >= t) !== v) console.log(i.id, label, v, x.comment)
  }
}
