import type { StoredRecommendation } from '../../lib/api-types.js'
import { formatCost, formatInt, formatMs } from '../../lib/format.js'

/** "qualityMean" → "quality mean", "p95LatencyMs" → "p95 latency". */
export function evidenceLabel(key: string): string {
  return key
    .replace(/(Ms|Usd)$/, '')
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
}

/** A figure of the evidence in its unit, read from its name: shares and rates as percents, ms, USD. */
export function evidenceValue(key: string, v: unknown): string {
  if (typeof v !== 'number') return v === null || v === undefined ? '–' : String(v)
  if (/Ms$/.test(key)) return formatMs(v)
  if (/Usd$/.test(key)) return formatCost(v)
  // Shares come rounded to 4 digits: two decimals of a percent show exactly that figure.
  if (/(Share|Rate)$/.test(key)) return `${Number((v * 100).toFixed(2))} %`
  if (Number.isInteger(v)) return formatInt(v)
  return String(Number(v.toPrecision(3)))
}

type Proposal =
  | { kind: 'prompt'; promptName: string; instruction?: string; systemPrompt?: string; primaryMetric: string }
  | { kind: 'model'; promptName: string; from: string; to: string; primaryMetric: string }
  | { kind: 'manual'; steps: string[] }

/** What "apply" will do, in words. */
export function proposalText(r: StoredRecommendation): { what: string; detail: string[] } {
  const p = r.proposal as Proposal
  if (p.kind === 'manual')
    return { what: 'A change in the chatbot itself: mark it done when it is made.', detail: p.steps ?? [] }
  const test = `then an experiment of it against production, decided on ${p.primaryMetric}`
  if (p.kind === 'model')
    return {
      what: `A new version of ${p.promptName} that calls ${p.to} instead of ${p.from}, ${test}.`,
      detail: [],
    }
  return {
    what: `A new version of ${p.promptName} with ${p.systemPrompt ? 'a new system message' : 'this instruction added'}, ${test}:`,
    detail: [p.systemPrompt ?? p.instruction ?? ''],
  }
}

export const isManual = (r: StoredRecommendation) => (r.proposal as Proposal).kind === 'manual'
