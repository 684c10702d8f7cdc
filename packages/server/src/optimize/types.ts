import type { Effort, Priority } from '../store/index.js'
import type { Evidence } from './evidence.js'

/**
 * What "apply" does with a recommendation. prompt: a new version of the production prompt with
 * an instruction added to its system message (or a whole new system message); model: a new
 * version that calls another model. Both are then tested in an experiment against production.
 * manual: a change in the chatbot's code that chatlens cannot make (a cache, input validation).
 */
export type Proposal =
  | {
      kind: 'prompt'
      promptName: string
      /** Appended to the system message. */
      instruction?: string
      /** Replaces the system message (LLM-written proposals). */
      systemPrompt?: string
      /** The metric the experiment decides on. */
      primaryMetric: string
    }
  | { kind: 'model'; promptName: string; from: string; to: string; primaryMetric: string }
  | { kind: 'manual'; steps: string[] }

/** One finding of a rule, before it is stored as a recommendation. */
export type Finding = {
  rule: string
  /** What the finding is about within the rule (a category, a model); part of its identity. */
  scopeKey: string
  scope: Record<string, unknown>
  priority: Priority
  title: string
  /** The figures behind it. */
  evidence: Record<string, number | string | null>
  evidenceText: string
  action: string
  expectedEffect: string
  effort: Effort
  proposal: Proposal
}

export type Rule = (e: Evidence) => Finding[]

/** Smallest slice (interactions, or evaluated answers) a rule draws a conclusion from. */
export const MIN_SAMPLE = 20

export const pct = (x: number) => `${(x * 100).toFixed(1)} %`
export const ms = (x: number) => (x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${Math.round(x)} ms`)
export const usd = (x: number) => `$${x < 0.01 ? x.toFixed(5) : x.toFixed(3)}`
export const round = (x: number | null | undefined, digits = 4) =>
  x === null || x === undefined ? null : Math.round(x * 10 ** digits) / 10 ** digits
