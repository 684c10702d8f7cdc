import { describe, expect, it } from 'vitest'
import type { EvalScore } from '../evaluator.js'
import { type LabelledItem, loadLabelledSet } from '../fixtures/labelled.js'
import { CorpusStats } from '../text/corpus-stats.js'
import { accuracyAt, auc, type Labelled } from './agreement.js'
import { runHeuristics } from './index.js'

/**
 * Agreement of each heuristic with the hand-written labels in fixtures/labelled.json. Accuracy is
 * measured at the stated threshold (score ≥ threshold predicts the label); AUC is threshold-free.
 * Floors: AUC ≥ 0.85 and accuracy ≥ 0.8 for every binary evaluator.
 */
const AUC_FLOOR = 0.85
const ACCURACY_FLOOR = 0.8
const SENTIMENT_3_CLASS_FLOOR = 0.75

const items = loadLabelledSet()
const cold = new Map(items.map((i) => [i.id, runHeuristics(i)]))
const corpus = new CorpusStats()
for (const i of items) {
  corpus.addDocument(i.query)
  corpus.addDocument(i.response)
}
const warm = new Map(items.map((i) => [i.id, runHeuristics({ ...i, corpus })]))

const holdoutIds = new Set(items.filter((i) => i.split === 'holdout').map((i) => i.id))

type Row = { evaluator: string; label: string; n: number; threshold: number; accuracy: number; auc: number }

function points(
  scores: Map<string, EvalScore[]>,
  name: string,
  label: (i: LabelledItem) => boolean | undefined,
  only?: ReadonlySet<string>,
): Labelled[] {
  const out: Labelled[] = []
  for (const item of items) {
    if (only && !only.has(item.id)) continue
    const positive = label(item)
    const score = scores.get(item.id)!.find((s) => s.name === name)?.value
    if (positive === undefined || score === null || score === undefined) continue
    out.push({ score, positive })
  }
  return out
}

function row(evaluator: string, label: string, p: Labelled[], threshold: number): Row {
  return { evaluator, label, n: p.length, threshold, accuracy: accuracyAt(p, threshold), auc: auc(p) }
}

const positiveVsNegative = (i: LabelledItem) =>
  i.labels.sentiment === undefined || i.labels.sentiment === 'neutral'
    ? undefined
    : i.labels.sentiment === 'positive'

type BooleanLabel = Exclude<keyof LabelledItem['labels'], 'sentiment'>

/** Each binary check: the evaluator (its score's name), the label it predicts, the threshold. */
const CHECKS: [evaluator: string, label: BooleanLabel, threshold: number][] = [
  ['coherence', 'coherent', 0.6],
  ['toxicity', 'toxic', 0.5],
  ['support_signals', 'supported', 0.5],
  ['pii_leak', 'pii', 0.5],
  ['refusal', 'refusal', 0.5],
  ['length_appropriateness', 'lengthOk', 0.5],
  ['quality', 'acceptable', 0.7],
]

function rows(only?: ReadonlySet<string>): Row[] {
  const relevant = (i: LabelledItem) => i.labels.relevant
  return [
    row('relevance', 'relevant', points(cold, 'relevance', relevant, only), 0.5),
    row('relevance (warm corpus)', 'relevant', points(warm, 'relevance', relevant, only), 0.5),
    row('sentiment', 'positive vs negative', points(cold, 'sentiment', positiveVsNegative, only), 0.5),
    ...CHECKS.map(([evaluator, label, threshold]) =>
      row(
        evaluator,
        label,
        points(cold, evaluator, (i) => i.labels[label], only),
        threshold,
      ),
    ),
  ]
}
const binaryRows = rows()
const holdoutRows = rows(holdoutIds)

const sentimentItems = items.filter((i) => i.labels.sentiment !== undefined)
const sentimentHits = sentimentItems.filter((i) => {
  const v = cold.get(i.id)!.find((s) => s.name === 'sentiment')!.value!
  const predicted = v > 0.6 ? 'positive' : v < 0.4 ? 'negative' : 'neutral'
  return predicted === i.labels.sentiment
}).length
const sentiment3Class = sentimentHits / sentimentItems.length

const f = (x: number) => (Number.isNaN(x) ? '  —  ' : x.toFixed(3))
const line = (r: Row) =>
  `${r.evaluator.padEnd(25)} ${r.label.padEnd(20)} ${String(r.n).padStart(3)}   ≥ ${r.threshold.toFixed(2)}     ${f(r.accuracy)}     ${f(r.auc)}`
const HEADER = 'evaluator                 label                  n   threshold  accuracy  AUC'

function printTable(): void {
  const lines = [
    `labelled set: ${items.length} pairs (${holdoutIds.size} held out)`,
    HEADER,
    ...binaryRows.map(line),
    `${'sentiment'.padEnd(25)} ${'3 classes'.padEnd(20)} ${String(sentimentItems.length).padStart(3)}   0.4/0.6    ${f(sentiment3Class)}       —`,
    '',
    `held-out pairs only (written after the evaluators; AUC — where one class is missing):`,
    HEADER,
    ...holdoutRows.filter((r) => r.n > 0).map(line),
  ]
  console.log(lines.join('\n'))
  console.log(
    JSON.stringify({ agreement: binaryRows, holdout: holdoutRows, sentiment3ClassAccuracy: sentiment3Class }),
  )
}

describe('agreement with the labelled set', () => {
  printTable()

  it('has at least 100 labelled pairs', () => {
    expect(items.length).toBeGreaterThanOrEqual(100)
  })

  for (const r of binaryRows) {
    it(`${r.evaluator} separates "${r.label}" with AUC ≥ ${AUC_FLOOR}`, () => {
      expect(r.n).toBeGreaterThanOrEqual(10)
      expect(r.auc).toBeGreaterThanOrEqual(AUC_FLOOR)
    })
    it(`${r.evaluator} agrees with "${r.label}" at threshold ${r.threshold} at least ${ACCURACY_FLOOR * 100}% of the time`, () => {
      expect(r.accuracy).toBeGreaterThanOrEqual(ACCURACY_FLOOR)
    })
  }

  it(`sentiment puts at least ${SENTIMENT_3_CLASS_FLOOR * 100}% of items in the labelled class (positive > 0.6, negative < 0.4)`, () => {
    expect(sentiment3Class).toBeGreaterThanOrEqual(SENTIMENT_3_CLASS_FLOOR)
  })
})
