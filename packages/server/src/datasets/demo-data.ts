import type { ItemBody } from './schemas.js'

/** The demo's regression dataset: the store's most common questions and the fact each answer must carry. */
export const DEMO_DATASET = 'support-faq'

const QUESTIONS: [id: string, query: string, expected: string, category: string][] = [
  ['shipping-time', 'How long does shipping take?', '3–5 business days', 'shipping'],
  ['free-shipping', 'Is shipping free?', '$50', 'shipping'],
  ['return-window', 'How long do I have to return an item?', '30 days', 'returns'],
  ['refund-time', 'When do I get my money back after a return?', '5–7 business days', 'returns'],
  ['order-status', 'Where can I see the status of my order?', 'Orders', 'orders'],
  ['password', 'I forgot my password, how do I reset it?', 'Forgot password', 'account'],
  ['invoices', 'Where can I download my invoices?', 'Account → Billing', 'billing'],
  ['pro-price', 'How much does the Pro plan cost?', '$29', 'pricing'],
  ['human', 'Can I talk to a human agent?', 'support team', 'handover'],
  ['off-topic', 'Can you write me a poem about the sea?', 'only help', 'off_topic'],
]

/**
 * The items, each with the prompt variables the chatbot's registry prompt needs (the store's
 * name), so a run of that prompt renders exactly as production does.
 */
export function demoDatasetItems(variables: Record<string, string> = {}): ItemBody[] {
  return QUESTIONS.map(([id, query, expected, category]) => ({
    id,
    input: Object.keys(variables).length ? { query, variables } : query,
    expected,
    metadata: { category },
  }))
}

/** Checks every demo item gets: the fact it must mention, and no apology for being an AI. */
export const DEMO_ASSERTIONS = [
  { type: 'icontains' as const },
  { type: 'icontains' as const, value: 'as an AI', not: true },
]
