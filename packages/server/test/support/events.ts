import { randomUUID } from 'node:crypto'

let n = 0
/** An ingestion event with a fresh id unless one is given. */
export function ev(type: string, body: Record<string, unknown>, id = `evt-${++n}-${randomUUID()}`) {
  return { id, type, timestamp: new Date().toISOString(), body }
}

/** A trace and one generation span under it, as the SDK would send them. */
export function turn(traceId: string, extra: Record<string, unknown> = {}) {
  const start = Date.parse('2026-11-20T10:00:00.000Z')
  return [
    ev('span-create', {
      id: `${traceId}-gen`,
      traceId,
      kind: 'generation',
      name: 'llm',
      startTime: new Date(start + 10).toISOString(),
      endTime: new Date(start + 810).toISOString(),
      completionStartTime: new Date(start + 210).toISOString(),
      model: 'gpt-4o-mini',
      input: [{ role: 'user', content: 'Where is my order?' }],
      output: { role: 'assistant', content: 'It ships tomorrow.' },
      inputTokens: 1000,
      outputTokens: 200,
    }),
    ev('trace-create', {
      id: traceId,
      name: 'chat-turn',
      timestamp: new Date(start).toISOString(),
      endTime: new Date(start + 900).toISOString(),
      bot: 'support',
      version: '1.0.0',
      environment: 'production',
      userId: 'user-1',
      sessionId: 'session-1',
      input: 'Where is my order?',
      output: 'It ships tomorrow.',
      tags: ['orders'],
      metadata: { channel: 'web' },
      ...extra,
    }),
  ]
}
