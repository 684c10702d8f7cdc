import { describe, expect, it } from 'vitest'
import { Chatlens, type ChatlensError, InMemoryExporter } from '../src/index.js'
import { assertIngestible } from './support/schema.js'

function setup() {
  const exporter = new InMemoryExporter()
  const errors: ChatlensError[] = []
  const cl = new Chatlens({ exporter, bot: 'support', environment: 'prod', onError: (e) => errors.push(e) })
  return { cl, exporter, errors }
}

describe('score()', () => {
  it('records scores on a trace, a span and a session', async () => {
    const { cl, exporter, errors } = setup()
    const id = cl.score({ traceId: 't1', name: 'helpfulness', value: 0.9, comment: 'solved it' })
    cl.score({ traceId: 't1', spanId: 'sp1', name: 'category', value: 'billing', dataType: 'categorical' })
    cl.score({ sessionId: 's1', name: 'resolved', value: true, source: 'human' })
    await cl.flush()
    expect(errors).toEqual([])
    expect(exporter.scores()).toMatchObject([
      { id, traceId: 't1', name: 'helpfulness', value: 0.9, comment: 'solved it' },
      { traceId: 't1', spanId: 'sp1', value: 'billing', dataType: 'categorical' },
      { sessionId: 's1', value: true, source: 'human' },
    ])
    for (const e of exporter.events) assertIngestible(e)
  })

  it('attaches to the current trace when no target is given', async () => {
    const { cl, exporter } = setup()
    const traceId = await cl.trace('turn', async (t) => {
      cl.score({ name: 'confidence', value: 0.4 })
      return t.id
    })
    await cl.flush()
    expect(exporter.scores()[0]!.traceId).toBe(traceId)
  })

  it('reports a score without a target or with a bad value instead of throwing', async () => {
    const { cl, exporter, errors } = setup()
    expect(cl.score({ name: 'orphan', value: 1 })).toBeUndefined()
    expect(cl.score({ traceId: 't', name: 'nan', value: Number.NaN })).toBeUndefined()
    expect(cl.score(undefined as never)).toBeUndefined()
    await cl.flush()
    expect(exporter.events).toEqual([])
    expect(errors.map((e) => e.code)).toEqual(['invalid_argument', 'invalid_argument', 'invalid_argument'])
  })
})

describe('feedback()', () => {
  it('records thumbs, rating, satisfaction, comment and correction', async () => {
    const { cl, exporter, errors } = setup()
    cl.feedback({
      traceId: 't1',
      thumbs: 'down',
      comment: 'wrong order',
      correction: 'Order A-17 ships Monday',
    })
    cl.feedback({ sessionId: 's1', rating: 5, satisfaction: 0.9, userId: 'u1' })
    await cl.flush()
    expect(errors).toEqual([])
    expect(exporter.feedback()).toMatchObject([
      { traceId: 't1', thumbs: 'down', comment: 'wrong order', correction: 'Order A-17 ships Monday' },
      { sessionId: 's1', rating: 5, satisfaction: 0.9, userId: 'u1' },
    ])
    for (const e of exporter.events) assertIngestible(e)
  })

  it('reports out-of-range values and feedback that says nothing', async () => {
    const { cl, exporter, errors } = setup()
    cl.feedback({ traceId: 't1', rating: 7 })
    cl.feedback({ traceId: 't1', thumbs: 'sideways' as never, satisfaction: 2 })
    cl.feedback({ rating: 4 })
    await cl.flush()
    expect(exporter.events).toEqual([])
    expect(errors.length).toBeGreaterThanOrEqual(3)
    expect(errors.every((e) => e.code === 'invalid_argument')).toBe(true)
  })
})

describe('endConversation()', () => {
  it('sends a session-update with endedAt and the outcome', async () => {
    const { cl, exporter, errors } = setup()
    cl.endConversation('s1', { satisfaction: 0.8, resolved: true, stage: 'farewell', userId: 'u1' })
    await cl.flush()
    expect(errors).toEqual([])
    const [event] = exporter.events
    expect(event!.type).toBe('session-update')
    expect(event!.body).toMatchObject({
      id: 's1',
      satisfaction: 0.8,
      resolved: true,
      stage: 'farewell',
      userId: 'u1',
      bot: 'support',
      environment: 'prod',
    })
    expect(Number.isNaN(Date.parse(event!.body.endedAt as string))).toBe(false)
    assertIngestible(event)
  })

  it('reports a missing session id', async () => {
    const { cl, exporter, errors } = setup()
    cl.endConversation('')
    await cl.flush()
    expect(exporter.events).toEqual([])
    expect(errors[0]!.code).toBe('invalid_argument')
  })
})
