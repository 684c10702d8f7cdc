import { setTimeout as sleep } from 'node:timers/promises'
import { describe, expect, it } from 'vitest'
import { Chatlens, InMemoryExporter } from '../src/index.js'
import { assertIngestible } from './support/schema.js'

function setup() {
  const exporter = new InMemoryExporter()
  const cl = new Chatlens({ exporter, bot: 'support', version: '1.2.0', environment: 'test' })
  return { cl, exporter }
}

describe('trace()', () => {
  it('records one trace with input, the return value as output, timing and client defaults', async () => {
    const { cl, exporter } = setup()
    const answer = await cl.trace(
      'turn',
      async () => {
        await sleep(5)
        return 'Your order ships tomorrow.'
      },
      { input: 'Where is my order?', userId: 'u1', sessionId: 's1', tags: ['faq'], variant: 'B' },
    )
    await cl.flush()
    expect(answer).toBe('Your order ships tomorrow.')
    expect(exporter.events).toHaveLength(1)
    const [event] = exporter.events
    expect(event!.type).toBe('trace-create')
    const t = event!.body
    expect(t).toMatchObject({
      name: 'turn',
      input: 'Where is my order?',
      output: 'Your order ships tomorrow.',
      status: 'ok',
      bot: 'support',
      version: '1.2.0',
      environment: 'test',
      userId: 'u1',
      sessionId: 's1',
      tags: ['faq'],
      variant: 'B',
    })
    expect(t.latencyMs as number).toBeGreaterThanOrEqual(4)
    expect(Date.parse(t.endTime as string)).toBeGreaterThanOrEqual(Date.parse(t.timestamp as string))
    assertIngestible(event)
  })

  it('returns the result of a synchronous function synchronously', async () => {
    const { cl, exporter } = setup()
    const n = cl.trace('sync', () => 42)
    expect(n).toBe(42)
    await cl.flush()
    expect(exporter.traces()[0]).toMatchObject({ name: 'sync', output: 42, status: 'ok' })
  })

  it('rethrows the user error unchanged and records status error with its type', async () => {
    const { cl, exporter } = setup()
    class PaymentDeclined extends Error {}
    const mine = new PaymentDeclined('card declined')
    await expect(
      cl.trace('async-fail', async () => {
        throw mine
      }),
    ).rejects.toBe(mine)
    const boom = new RangeError('out of range')
    expect(() =>
      cl.trace('sync-fail', () => {
        throw boom
      }),
    ).toThrow(boom)
    await cl.flush()
    expect(exporter.trace('async-fail')!.trace).toMatchObject({
      status: 'error',
      error: 'card declined',
      errorType: 'PaymentDeclined',
    })
    expect(exporter.trace('sync-fail')!.trace).toMatchObject({ status: 'error', errorType: 'RangeError' })
    for (const e of exporter.events) assertIngestible(e)
  })

  it('lets the handle set the output, usage and merge metadata', async () => {
    const { cl, exporter } = setup()
    await cl.trace(
      'turn',
      async (t) => {
        t.update({ metadata: { b: 2 } })
        t.update({ output: 'shown to the user', inputTokens: 12, metadata: { c: 3 }, evaluate: true })
        return { internal: true }
      },
      { metadata: { a: 1 } },
    )
    await cl.flush()
    expect(exporter.traces()[0]).toMatchObject({
      output: 'shown to the user',
      inputTokens: 12,
      metadata: { a: 1, b: 2, c: 3 },
      evaluate: true,
    })
  })

  it('uses the caller id for the trace', async () => {
    const { cl, exporter } = setup()
    const id = await cl.trace('turn', async (t) => t.id, { id: 'my-trace-1' })
    await cl.flush()
    expect(id).toBe('my-trace-1')
    expect(exporter.traces()[0]!.id).toBe('my-trace-1')
  })
})

describe('span()', () => {
  it('nests spans under the current trace and span across awaits', async () => {
    const { cl, exporter } = setup()
    const traceId = await cl.trace('turn', async (t) => {
      await cl.span(
        'retrieve',
        async () => {
          await sleep(1)
          await cl.span('rerank', async () => sleep(1), { kind: 'tool' })
          return ['doc-1']
        },
        { kind: 'retrieval', input: 'order status' },
      )
      return t.id
    })
    await cl.flush()
    const { trace, spans } = exporter.trace('turn')!
    expect(trace.id).toBe(traceId)
    const retrieve = spans.find((s) => s.name === 'retrieve')!
    const rerank = spans.find((s) => s.name === 'rerank')!
    expect(retrieve).toMatchObject({ traceId, kind: 'retrieval', input: 'order status', output: ['doc-1'] })
    expect(retrieve.parentId).toBeUndefined()
    expect(rerank).toMatchObject({ traceId, kind: 'tool', parentId: retrieve.id })
    for (const e of exporter.events) assertIngestible(e)
  })

  it('starts a trace holding the span when no trace is current', async () => {
    const { cl, exporter } = setup()
    await cl.span('lookup', async () => 'found', { kind: 'tool', input: 'A-17' })
    await cl.flush()
    const trace = exporter.traces()[0]!
    expect(trace).toMatchObject({ name: 'lookup', input: 'A-17', output: 'found' })
    expect(exporter.spans(trace.id as string)).toMatchObject([{ name: 'lookup', kind: 'tool' }])
  })

  it('keeps concurrent traces apart', async () => {
    const { cl, exporter } = setup()
    const turn = (q: string) =>
      cl.trace(q, async () => {
        await sleep(Math.random() * 5)
        await cl.span(`step-${q}`, async () => sleep(Math.random() * 5))
      })
    await Promise.all(['a', 'b', 'c', 'd'].map(turn))
    await cl.flush()
    for (const q of ['a', 'b', 'c', 'd']) {
      const { trace, spans } = exporter.trace(q)!
      expect(spans.map((s) => s.name)).toEqual([`step-${q}`])
      expect(spans[0]!.traceId).toBe(trace.id)
    }
  })

  it('gives the trace the model and time to first token of its first generation', async () => {
    const { cl, exporter } = setup()
    await cl.trace('turn', async () => {
      await sleep(3)
      await cl.span('llm', async (s) => s.update({ model: 'gpt-4o-mini', completionStartTime: Date.now() }), {
        kind: 'generation',
      })
    })
    await cl.flush()
    const trace = exporter.traces()[0]!
    expect(trace.model).toBe('gpt-4o-mini')
    expect(trace.timeToFirstTokenMs as number).toBeGreaterThanOrEqual(2)
  })
})

describe('traceable()', () => {
  it('records arguments as input and the return value as output, as a span inside a trace', async () => {
    const { cl, exporter } = setup()
    const classify = cl.traceable(async (text: string) => (text.includes('refund') ? 'billing' : 'general'), {
      name: 'classify',
      kind: 'tool',
    })
    const add = cl.traceable(function add(a: number, b: number) {
      return a + b
    })
    expect(await classify('I want a refund')).toBe('billing')
    expect(add(2, 3)).toBe(5)
    await cl.trace('turn', async () => classify('hello'))
    await cl.flush()
    expect(exporter.trace('classify')!.trace).toMatchObject({ input: 'I want a refund', output: 'billing' })
    expect(exporter.trace('add')!.trace).toMatchObject({ input: [2, 3], output: 5 })
    const turn = exporter.trace('turn')!
    expect(turn.spans).toMatchObject([{ name: 'classify', kind: 'tool', input: 'hello', output: 'general' }])
  })

  it('keeps `this` for methods', async () => {
    const { cl } = setup()
    const bot = { greeting: 'hi', greet: undefined as unknown as () => string }
    bot.greet = cl.traceable(function greet(this: typeof bot) {
      return this.greeting
    })
    expect(bot.greet()).toBe('hi')
  })
})

describe('currentTrace() and currentSpan()', () => {
  it('return the running handles, and undefined outside', async () => {
    const { cl } = setup()
    expect(cl.currentTrace()).toBeUndefined()
    await cl.trace('turn', async (t) => {
      await sleep(1)
      expect(cl.currentTrace()?.id).toBe(t.id)
      expect(cl.currentSpan()).toBeUndefined()
      await cl.span('step', async (s) => {
        await sleep(1)
        expect(cl.currentSpan()?.id).toBe(s.id)
        expect(cl.currentTrace()?.id).toBe(t.id)
      })
    })
    expect(cl.currentSpan()).toBeUndefined()
  })
})

describe('a custom clock', () => {
  it('times traces, spans, scores and conversation ends by the clock it is given', async () => {
    let now = Date.parse('2026-01-05T09:00:00Z')
    const exporter = new InMemoryExporter()
    const cl = new Chatlens({ exporter, clock: { now: () => now } })
    await cl.trace(
      'turn',
      async () => {
        await cl.span(
          'llm',
          async () => {
            now += 1500
          },
          { kind: 'generation' },
        )
        now += 100
      },
      { sessionId: 'conv-1' },
    )
    cl.endConversation('conv-1', { resolved: true })
    await cl.flush()
    const { trace, spans } = exporter.trace('turn')!
    expect(trace.timestamp).toBe('2026-01-05T09:00:00.000Z')
    expect(trace.latencyMs).toBe(1600)
    expect(spans[0]).toMatchObject({
      startTime: '2026-01-05T09:00:00.000Z',
      endTime: '2026-01-05T09:00:01.500Z',
    })
    expect(exporter.sessions()[0]).toMatchObject({ endedAt: '2026-01-05T09:00:01.600Z' })
  })
})
