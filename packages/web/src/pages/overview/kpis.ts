import type { Kpi } from '../../lib/api-types.js'
import { formatChange, formatCost, formatInt, formatMs, formatRate, formatScore } from '../../lib/format.js'

export type KpiDef = {
  /** The key in the overview's `kpis`. */
  key: string
  label: string
  format(value: number | null): string
  /** What the figure is, for the card's tooltip. */
  what: string
}

/** The overview's cards, in reading order (PRODUCT.md 5.3). */
export const KPI_CARDS: KpiDef[] = [
  { key: 'conversations', label: 'Conversations', format: formatInt, what: 'conversations that started in the window' },
  { key: 'interactions', label: 'Interactions', format: formatInt, what: 'chatbot turns (traces) in the window' },
  { key: 'costUsd', label: 'Total cost', format: formatCost, what: 'cost of every interaction, in USD' },
  { key: 'avgLatencyMs', label: 'Avg latency', format: formatMs, what: 'mean response time of the interactions' },
  { key: 'p95LatencyMs', label: 'p95 latency', format: formatMs, what: '95th percentile of the response time (within 1 %)' },
  { key: 'avgRelevance', label: 'Avg relevance', format: formatScore, what: 'mean of the relevance score, 0 to 1' },
  { key: 'qualityMean', label: 'Overall quality', format: formatScore, what: 'mean of the combined quality score, 0 to 1' },
  { key: 'evaluated', label: 'Evaluations', format: formatInt, what: 'interactions with at least one score' },
  { key: 'errorRate', label: 'Error rate', format: formatRate, what: 'share of interactions that failed' },
  { key: 'satisfaction', label: 'Satisfaction', format: formatRate, what: 'mean user satisfaction of the conversations, 0 to 100 %' },
] // biome-ignore format: one card per line

export type ChangeView = { arrow: string; text: string; tone: 'good' | 'bad' | 'neutral'; title: string }

const TESTS: Record<string, string> = {
  'welch-t': "Welch's t test",
  'two-proportion-z': 'two-proportion z test',
  'poisson-rate-z': 'Poisson rate test',
}

/** How a card shows its change against the previous window: arrow, percent and whether it is good news. */
export function changeView(k: Kpi, format: KpiDef['format'], previousLabel: string): ChangeView {
  const tone = k.improved === true ? 'good' : k.improved === false ? 'bad' : 'neutral'
  const significance =
    k.significant === null
      ? k.test === null
        ? 'no significance test for this figure'
        : 'too little data to test the change'
      : `${k.significant ? 'significant' : 'not significant'} at α = 0.05 (p = ${k.pValue!.toPrecision(2)}, ${TESTS[k.test!] ?? k.test})`
  if (k.current === null || k.previous === null)
    return {
      arrow: '',
      text: 'no earlier data',
      tone: 'neutral',
      title: `Nothing to compare with in ${previousLabel}`,
    }
  if (k.direction === 'flat') return { arrow: '→', text: 'no change', tone: 'neutral', title: significance }
  const arrow = k.direction === 'up' ? '▲' : '▼'
  if (k.changePct === null)
    return { arrow, text: `from 0`, tone, title: `${previousLabel}: ${format(0)} · ${significance}` }
  return {
    arrow,
    text: formatChange(k.changePct),
    tone,
    title: `${previousLabel}: ${format(k.previous)} · ${significance}`,
  }
}
