import { z } from 'zod'
import type { EvalScore } from '../evaluator.js'
import { type JudgeDefinition, Reason } from './definition.js'

export const QUERY_CATEGORIES = ['product', 'support', 'billing', 'general', 'off_topic'] as const
export const QueryCategory = z.enum(QUERY_CATEGORIES)
export type QueryCategory = z.infer<typeof QueryCategory>

export const CategoryOutput = z.object({ category: QueryCategory, reason: Reason })
export type CategoryOutput = z.infer<typeof CategoryOutput>

export const DEFAULT_CATEGORY_TEMPLATE = `Classify the user's query to a customer-facing chatbot into exactly one category:

- product: features, capabilities, plans, how the product works or compares
- support: a problem to solve or a task to do: orders, shipping, returns, account access, errors, how-to
- billing: payments, invoices, charges, refunds of money, prices on a bill, subscriptions and their renewal
- general: greetings, thanks, small talk, or a question about the company that fits none of the above
- off_topic: unrelated to the product and its company, or abusive

Use the conversation so far to read short follow-ups ("and how long does that take?"). Give a one-sentence reason.

{{#history}}
Conversation so far:
<history>
{{history}}
</history>

{{/history}}
User query:
<query>
{{query}}
</query>
`

export const categoryJudge: JudgeDefinition<CategoryOutput> = {
  name: 'judge-category',
  version: '1.0.0',
  needs: ['query', 'history'],
  requiredPlaceholders: ['query'],
  defaultTemplate: DEFAULT_CATEGORY_TEMPLATE,
  output: CategoryOutput,
  toScores(output): EvalScore[] {
    return [{ name: 'category', value: null, stringValue: output.category, comment: output.reason }]
  },
}
