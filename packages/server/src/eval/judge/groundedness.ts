import { z } from 'zod'
import type { EvalInput, EvalScore } from '../evaluator.js'
import { type JudgeDefinition, Reason, round3, UnitScore } from './definition.js'
import { QUERY_AND_RESPONSE } from './template.js'

/** More claims than this is a list the model padded; the first ones carry the signal. */
export const UNSUPPORTED_CLAIMS_MAX = 20

export const GroundednessOutput = z.object({
  groundedness: UnitScore,
  unsupported_claims: z.array(z.string().trim().min(1).max(1000)).max(UNSUPPORTED_CLAIMS_MAX),
  reason: Reason,
})
export type GroundednessOutput = z.infer<typeof GroundednessOutput>

export const DEFAULT_GROUNDEDNESS_TEMPLATE = `Check whether a chatbot's response is grounded in the context it was given.

Split the response into its factual claims (numbers, dates, names, policies, steps, promises). A claim is supported when the context states it or it follows directly from the context. Greetings, questions back to the user and offers to help are not claims.

- groundedness: share of the claims that the context supports, from 0 (none) to 1 (all, or the response makes no claim).
- unsupported_claims: each claim the context does not support or contradicts, quoted or closely paraphrased from the response; an empty list when all are supported.
- reason: one sentence.

Context:
<context>
{{context}}
</context>

${QUERY_AND_RESPONSE}`

export const NO_CONTEXT_REASON = 'not evaluated: no context was supplied to check the response against'

export const groundednessJudge: JudgeDefinition<GroundednessOutput> = {
  name: 'judge-groundedness',
  version: '1.0.0',
  needs: ['query', 'response', 'context'],
  requiredPlaceholders: ['context', 'response'],
  defaultTemplate: DEFAULT_GROUNDEDNESS_TEMPLATE,
  output: GroundednessOutput,
  skipReason(input: EvalInput) {
    return input.context?.some((p) => p.trim()) ? null : NO_CONTEXT_REASON
  },
  toScores(output): EvalScore[] {
    const claims = output.unsupported_claims
    return [
      {
        name: 'groundedness',
        value: round3(output.groundedness),
        comment: output.reason,
        details: { unsupportedClaims: claims, hallucination: round3(1 - output.groundedness) },
      },
    ]
  },
}
