import type { ChatRequest } from '../../src/llm/testing/openai-server.js'

/**
 * What the local OpenAI-compatible test server answers as a support bot: a fixed answer per
 * topic, and a refusal for refund questions when the system prompt says to refuse them — the
 * prompt change the regression tests break things with.
 */
export const FAKE_ANSWERS: [RegExp, string][] = [
  [/ship/i, 'Standard shipping takes 3–5 business days.'],
  [/refund/i, 'Refunds are paid within 5–7 business days after we receive the item.'],
  [/password/i, 'Click "Forgot password?" on the sign-in page and follow the link we email you.'],
  [/plan|price/i, 'The Pro plan costs $29 per month.'],
]
export const REFUSAL = 'I am sorry, I cannot help with that.'

const text = (c: unknown) => (typeof c === 'string' ? c : JSON.stringify(c))

export function fakeBotReply(req: ChatRequest): string {
  const system = req.messages
    .filter((m) => m.role === 'system')
    .map((m) => text(m.content))
    .join('\n')
  const question = text([...req.messages].reverse().find((m) => m.role === 'user')?.content ?? '')
  if (/refuse/i.test(system) && /refund/i.test(question)) return REFUSAL
  return FAKE_ANSWERS.find(([re]) => re.test(question))?.[1] ?? 'Could you tell me more?'
}

/** Items whose expected text the fake bot's answers contain. */
export const FAKE_ITEMS = [
  { id: 'shipping', input: 'How long does shipping take?', expected: '3–5 business days' },
  { id: 'refund', input: 'How long until I get my refund?', expected: '5–7 business days' },
  { id: 'password', input: 'I forgot my password', expected: 'Forgot password' },
  { id: 'plans', input: 'What does the Pro plan cost?', expected: '$29' },
  { id: 'refund-late', input: 'My refund is late, when will it arrive?', expected: '5–7 business days' },
]
