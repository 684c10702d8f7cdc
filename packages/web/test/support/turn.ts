import { ev } from '../../../server/test/support/events.js'

export type Ev = ReturnType<typeof ev>

/** One turn: a chain span over a retrieval and a generation, scores with comments, maybe feedback. */
export function richTurn(o: {
  id: string
  sessionId: string
  userId: string
  at: number
  question: string
  answer: string
  model: string
  bot: string
  version: string
  environment: string
  error: boolean
  relevance: number
  history: { role: string; content: string }[]
}): Ev[] {
  const retrievalMs = 40 + Math.round(o.relevance * 80)
  const genMs = 500 + Math.round((1 - o.relevance) * 1400)
  const total = retrievalMs + genMs + 30
  const iso = (offset: number) => new Date(o.at + offset).toISOString()
  const messages = [
    { role: 'system', content: 'You are the support assistant of Acme. Be concise.' },
    ...o.history,
    { role: 'user', content: o.question },
  ]
  const events: Ev[] = [
    ev('trace-create', {
      id: o.id,
      name: 'support-turn',
      timestamp: iso(0),
      endTime: iso(total),
      bot: o.bot,
      version: o.version,
      environment: o.environment,
      userId: o.userId,
      sessionId: o.sessionId,
      model: o.model,
      input: o.question,
      output: o.error ? undefined : o.answer,
      status: o.error ? 'error' : 'ok',
      error: o.error ? 'upstream timeout after 30000 ms' : undefined,
      errorType: o.error ? 'TimeoutError' : undefined,
      latencyMs: total,
      timeToFirstTokenMs: retrievalMs + 180,
      tags: o.question.includes('refund') || o.question.includes('invoice') ? ['billing'] : ['orders'],
      metadata: { channel: 'web', locale: 'en-US' },
    }),
    ev('span-create', {
      id: `${o.id}-chain`,
      traceId: o.id,
      kind: 'chain',
      name: 'answer',
      startTime: iso(5),
      endTime: iso(total - 5),
    }),
    ev('span-create', {
      id: `${o.id}-ret`,
      traceId: o.id,
      parentId: `${o.id}-chain`,
      kind: 'retrieval',
      name: 'search-help-center',
      startTime: iso(10),
      endTime: iso(10 + retrievalMs),
      input: { query: o.question, topK: 3 },
      output: {
        documents: [
          { id: 'kb-112', title: 'Shipping times', score: 0.82 },
          { id: 'kb-87', title: 'Refunds', score: 0.61 },
        ],
      },
    }),
    ev('span-create', {
      id: `${o.id}-gen`,
      traceId: o.id,
      parentId: `${o.id}-chain`,
      kind: 'generation',
      name: 'chat-completion',
      startTime: iso(20 + retrievalMs),
      endTime: iso(20 + retrievalMs + genMs),
      completionStartTime: iso(20 + retrievalMs + 180),
      model: o.model,
      parameters: { temperature: 0.3, max_tokens: 400 },
      input: messages,
      output: o.error ? undefined : { role: 'assistant', content: o.answer },
      status: o.error ? 'error' : 'ok',
      error: o.error ? 'upstream timeout after 30000 ms' : undefined,
      inputTokens: 180 + o.history.length * 40,
      outputTokens: o.error ? 0 : Math.round(40 + o.answer.length / 4),
    }),
    ev('score-create', {
      traceId: o.id,
      name: 'relevance',
      value: o.relevance,
      source: 'heuristic',
      evaluator: 'tfidf-relevance',
      comment: `TF-IDF cosine of question and answer: ${o.relevance.toFixed(2)}`,
    }),
    ev('score-create', {
      traceId: o.id,
      name: 'toxicity',
      value: 0.01,
      source: 'heuristic',
      evaluator: 'lexicon-toxicity',
    }),
    ev('score-create', {
      traceId: o.id,
      spanId: `${o.id}-gen`,
      name: 'helpfulness',
      value: Math.round(o.relevance * 10) / 10,
      source: 'judge',
      evaluator: 'llm-judge',
      evaluatorVersion: '1',
      comment:
        o.relevance > 0.6
          ? 'Answers the question directly with a concrete next step.'
          : 'Does not address what the user asked.',
    }),
  ]
  return events
}
