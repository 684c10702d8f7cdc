import { ev } from '../../../server/test/support/events.js'
import type { TestServer } from '../../../server/test/support/server.js'
import { type Ev, richTurn } from './turn.js'

/** The payload every page must show as text. */
export const XSS = '<img src=x onerror=alert(1)>'
export const XSS_TRACE_ID = 'trace-xss'
export const XSS_SESSION_ID = 'conv-xss'

const MINUTE_MS = 60_000
const HOUR_MS = 60 * MINUTE_MS

const QUESTIONS = [
  [
    'Where is my order #4411? It was due yesterday.',
    'Order #4411 left our warehouse this morning and should arrive within 2 business days.',
  ],
  [
    'How do I reset my password?',
    'Open Settings → Security and choose "Reset password". We will email you a link that is valid for 30 minutes.',
  ],
  [
    'Can I get a refund for a duplicate charge?',
    'Yes. I have flagged the duplicate charge of $49.00; the refund reaches your card in 3–5 days.',
  ],
  [
    'Do you ship to Canada?',
    'We ship to Canada with tracked delivery in 4–7 business days; duties are included at checkout.',
  ],
  [
    'What is the difference between the Pro and Team plans?',
    'Team adds shared workspaces, SSO and an admin console; Pro is for one person.',
  ],
  [
    'My invoice shows the wrong VAT number.',
    'I have updated the VAT number on your account; the corrected invoice is in Billing → Invoices.',
  ],
  [
    'Tell me a joke about pirates.',
    'I can only help with questions about your orders and account, but I am happy to help with those!',
  ],
  [
    'The app crashes when I upload a photo.',
    'Sorry about that. Please update to version 5.2.1, which fixes photo uploads on Android 14.',
  ],
] as const

const STAGES = [
  'greeting',
  'information_gathering',
  'problem_solving',
  'clarification',
  'resolution',
  'farewell',
] as const
const MODELS = ['gpt-4o-mini', 'gpt-4o', 'llama-3.1-8b-instruct'] as const

/** Deterministic pseudo-random numbers, so every run ingests the same data. */
function rng(seed: number) {
  let s = seed
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2_147_483_648
    return s / 2_147_483_648
  }
}

/**
 * A realistic project: 60 support conversations of 2–6 turns with spans, scores and feedback,
 * 1,200 single-event traces of a sales bot (for scrolling), and one conversation whose texts
 * carry an HTML injection.
 */
export function buildFixtures(now = Date.now()): {
  events: Ev[]
  richTraceId: string
  richSessionId: string
  traceCount: number
} {
  const rand = rng(7)
  const events: Ev[] = []
  let traces = 0
  for (let c = 0; c < 60; c++) {
    const sessionId = `conv-${String(c).padStart(3, '0')}`
    const userId = `user-${(c * 7) % 23}`
    const start = now - (c + 1) * 55 * MINUTE_MS
    const version = c % 3 === 0 ? '1.5.0' : '1.4.0'
    const model = MODELS[c % MODELS.length]!
    const turns = 2 + (c % 5)
    const history: { role: string; content: string }[] = []
    for (let t = 0; t < turns; t++) {
      const [question, answer] = QUESTIONS[(c + t) % QUESTIONS.length]!
      const relevance = Math.round((0.35 + rand() * 0.63) * 100) / 100
      const id = `tr-${sessionId}-${t}`
      events.push(
        ...richTurn({
          id, sessionId, userId, at: start + t * 2 * MINUTE_MS, question, answer, model, bot: 'support', version,
          environment: c % 4 === 3 ? 'staging' : 'production', error: (c + t) % 11 === 5, relevance, history: [...history],
        }),
      ) // biome-ignore format: one call
      history.push({ role: 'user', content: question }, { role: 'assistant', content: answer })
      traces++
    }
    if (c % 3 === 0)
      events.push(
        ev('feedback-create', {
          traceId: `tr-${sessionId}-0`,
          userId,
          thumbs: c % 2 ? 'down' : 'up',
          comment: 'Quick and clear, thanks.',
        }),
      )
    events.push(
      ev('session-update', {
        id: sessionId,
        userId,
        bot: 'support',
        environment: c % 4 === 3 ? 'staging' : 'production',
        satisfaction: Math.round(rand() * 100) / 100,
        resolved: c % 4 !== 1,
        stage: STAGES[c % STAGES.length],
      }),
    )
  }
  for (let i = 0; i < 1200; i++) {
    events.push(
      ev('trace-create', {
        id: `sales-${String(i).padStart(4, '0')}`,
        name: 'lead-qualification',
        timestamp: new Date(now - 2 * 24 * HOUR_MS - i * 3 * MINUTE_MS).toISOString(),
        bot: 'sales',
        version: '0.9.2',
        environment: 'production',
        userId: `lead-${i % 97}`,
        model: 'gpt-4o-mini',
        input: `Hi, I am interested in plan ${['Pro', 'Team', 'Enterprise'][i % 3]} for ${5 + (i % 40)} seats.`,
        output: 'Thanks! A teammate will reach out today with a quote.',
        latencyMs: 300 + ((i * 37) % 900),
        inputTokens: 220,
        outputTokens: 30,
        status: i % 29 === 0 ? 'error' : 'ok',
        error: i % 29 === 0 ? 'rate limited by provider' : undefined,
      }),
    )
    traces++
  }
  const xssAt = now - 20 * MINUTE_MS
  events.push(
    ...richTurn({
      id: XSS_TRACE_ID, sessionId: XSS_SESSION_ID, userId: 'mallory', at: xssAt, question: `Please repeat ${XSS}`,
      answer: `Sure: ${XSS}`, model: 'gpt-4o-mini', bot: 'support', version: '1.5.0', environment: 'production', error: false,
      relevance: 0.9, history: [],
    }), // biome-ignore format: one call
    ev('score-create', {
      traceId: XSS_TRACE_ID,
      name: 'pii',
      value: 0,
      source: 'api',
      comment: `flagged text: ${XSS}`,
    }),
    ev('feedback-create', {
      traceId: XSS_TRACE_ID,
      userId: 'mallory',
      rating: 1,
      comment: XSS,
      correction: `<script>alert(2)</script>`,
    }),
    ev('session-update', {
      id: XSS_SESSION_ID,
      userId: 'mallory',
      bot: 'support',
      stage: 'clarification',
      satisfaction: 0.1,
      resolved: false,
    }),
  )
  traces++
  return { events, richTraceId: 'tr-conv-000-1', richSessionId: 'conv-000', traceCount: traces }
}

/** Ingests in batches the API accepts and fails loudly on any rejected event. */
export async function ingest(s: TestServer, events: Ev[], batchSize = 1000): Promise<void> {
  for (let i = 0; i < events.length; i += batchSize) {
    const { status, body } = await s.call(
      'POST',
      '/api/v1/ingest',
      { batch: events.slice(i, i + batchSize) },
      s.keys.ingest,
    )
    if (status !== 207 || body.errors.length)
      throw new Error(`ingest failed: ${status} ${JSON.stringify(body.errors?.slice(0, 3) ?? body)}`)
  }
}
