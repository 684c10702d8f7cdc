import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../support/engines.js'
import { ev } from '../support/events.js'
import { startTestServer, type TestServer } from '../support/server.js'

const T0 = Date.parse('2026-11-01T00:00:00Z')
const HOUR = 3_600_000

describe.each(ENGINES)('listing traces on $name', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine)
    const batch = Array.from({ length: 30 }, (_, i) =>
      ev('trace-create', {
        id: `t${String(i).padStart(2, '0')}`,
        timestamp: T0 + i * HOUR,
        latencyMs: 100 * i,
        bot: i % 2 ? 'sales' : 'support',
        version: i < 15 ? 'v1' : 'v2',
        model: i % 3 ? 'gpt-4o-mini' : 'gpt-4o',
        environment: i % 5 ? 'production' : 'staging',
        userId: `u${i % 4}`,
        sessionId: `s${i % 6}`,
        status: i % 7 ? 'ok' : 'error',
        tags: i % 10 === 0 ? ['vip'] : [],
      }),
    )
    await s.call('POST', '/api/v1/ingest', { batch })
  })
  afterAll(() => s?.close())

  const ids = async (query: string) =>
    (await s.call('GET', `/api/v1/traces?${query}`)).body.data.map((t: { id: string }) => t.id)

  it('lists newest first and pages with a cursor without gaps or repeats', async () => {
    const seen: string[] = []
    let cursor: string | null = null
    do {
      const q: string = `limit=7${cursor ? `&cursor=${cursor}` : ''}`
      const { body } = await s.call('GET', `/api/v1/traces?${q}`)
      seen.push(...body.data.map((t: { id: string }) => t.id))
      cursor = body.nextCursor
    } while (cursor)
    expect(seen).toEqual(Array.from({ length: 30 }, (_, i) => `t${String(29 - i).padStart(2, '0')}`))
  })

  it('filters by every dimension', async () => {
    expect(await ids('bot=sales&limit=100')).toHaveLength(15)
    expect(await ids('version=v2&model=gpt-4o')).toEqual(['t27', 't24', 't21', 't18', 't15'])
    expect(await ids('environment=staging')).toEqual(['t25', 't20', 't15', 't10', 't05', 't00'])
    expect(await ids('userId=u1&sessionId=s1')).toEqual(['t25', 't13', 't01'])
    expect(await ids('tag=vip')).toEqual(['t20', 't10', 't00'])
    expect(await ids('status=error')).toEqual(['t28', 't21', 't14', 't07', 't00'])
    expect(await ids('minLatencyMs=2500&maxLatencyMs=2700')).toEqual(['t27', 't26', 't25'])
    const from = new Date(T0 + 10 * HOUR).toISOString()
    expect(await ids(`from=${from}&to=${T0 + 13 * HOUR}`)).toEqual(['t12', 't11', 't10'])
  })
})

describe.each(ENGINES)('searching traces on $name', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine)
    await s.call('POST', '/api/v1/ingest', {
      batch: [
        ev('trace-create', {
          id: 'a',
          input: 'Where is my ORDER 100%?',
          output: 'It ships today',
          userId: 'ann',
        }),
        ev('trace-create', { id: 'b', input: [{ role: 'user', content: 'refund please' }], output: 'Sure' }),
        ev('trace-create', { id: 'c', input: 'hello', output: 'Hi! How can I help?', sessionId: 'conv-9' }),
      ],
    })
  })
  afterAll(() => s?.close())

  const ids = async (query: string) =>
    (await s.call('GET', `/api/v1/traces?${query}`)).body.data.map((t: { id: string }) => t.id).sort()

  it('finds text in inputs and outputs whatever its case, and ids exactly', async () => {
    expect(await ids('q=order')).toEqual(['a'])
    expect(await ids('q=REFUND')).toEqual(['b'])
    expect(await ids('q=help')).toEqual(['c'])
    expect(await ids('q=conv-9')).toEqual(['c'])
    expect(await ids('q=ann')).toEqual(['a'])
  })

  it('treats % and _ in the search as plain characters', async () => {
    expect(await ids(`q=${encodeURIComponent('100%')}`)).toEqual(['a'])
    expect(await ids(`q=${encodeURIComponent('_')}`)).toEqual([])
  })

  it('returns short text previews instead of payloads in the summary view', async () => {
    const { body } = await s.call('GET', '/api/v1/traces?view=summary&q=refund')
    expect(body.data[0]).toMatchObject({ id: 'b', inputPreview: 'refund please', outputPreview: 'Sure' })
    expect(body.data[0]).not.toHaveProperty('input')
  })
})
