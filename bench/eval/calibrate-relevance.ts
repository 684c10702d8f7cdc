/**
 * Fits the relevance calibration (evaluators/relevance-calibration.ts) on the labelled set and
 * prints how well the raw signals separate relevant from irrelevant answers.
 * Run: node --import tsx bench/eval/calibrate-relevance.ts
 */
import { auc, fitLogistic, type Labelled } from '../../packages/server/src/eval/evaluators/agreement.js'
import { relevanceSignals } from '../../packages/server/src/eval/evaluators/relevance.js'
import { loadLabelledSet } from '../../packages/server/src/eval/fixtures/labelled.js'
import { CorpusStats } from '../../packages/server/src/eval/text/corpus-stats.js'

// Fitted on the development pairs only, so the held-out pairs still measure the calibration.
const items = loadLabelledSet().filter((i) => i.labels.relevant !== undefined && i.split === 'development')
const rows = items.map((i) => ({ item: i, s: relevanceSignals({ query: i.query, response: i.response })! }))
const points = (f: (s: (typeof rows)[number]['s']) => number): Labelled[] =>
  rows.map((r) => ({ score: f(r.s), positive: r.item.labels.relevant! }))

const fit = fitLogistic(points((s) => s.raw))
console.log(`items ${items.length}`)
console.log(`AUC cosine ${auc(points((s) => s.cosine)).toFixed(3)}`)
console.log(`AUC coverage ${auc(points((s) => s.coverage)).toFixed(3)}`)
console.log(`AUC raw ${auc(points((s) => s.raw)).toFixed(3)}`)
// The same signals with IDF learned from the labelled set's own texts, as a warm project would have.
const corpus = new CorpusStats()
for (const i of loadLabelledSet()) {
  corpus.addDocument(i.query)
  corpus.addDocument(i.response)
}
const warm = items.map((i) => ({
  score: relevanceSignals({ query: i.query, response: i.response, corpus })!.raw,
  positive: i.labels.relevant!,
}))
console.log(`AUC raw with a warm corpus (${corpus.documentCount} documents) ${auc(warm).toFixed(3)}`)
if (process.argv.includes('--verbose')) {
  for (const r of rows.sort((a, b) => a.s.raw - b.s.raw)) {
    console.log(r.item.labels.relevant ? '+' : '-', r.s.raw.toFixed(3), r.item.id, r.s.matched.join(','))
  }
}
console.log(
  JSON.stringify({ slope: Number(fit.slope.toFixed(3)), intercept: Number(fit.intercept.toFixed(3)) }),
)
