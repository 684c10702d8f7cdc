import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { buildAllDirtyHours } from '../../src/analytics/index.js'
import { ENGINES } from '../support/engines.js'
import { ev } from '../support/events.js'
import { startTestServer, type TestServer } from '../support/server.js'

const HOUR = 3_600_000
const T0 = Date.parse('2026-11-10T00:00:00Z')

describe.each(ENGINES)('offline traffic and the metrics on $name', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine)
    const turn = (id: string, environment: string, i: number) =>
      ev('trace-create', { id, environment, timestamp: T0 + i * 60_000, latencyMs: 100, output: 'ok' })
    await s.call('POST', '/api/v1/ingest', {
      batch: [
        ...Array.from({ length: 5 }, (_, i) => turn(`prod-${i}`, 'production', i)),
        ...Array.from({ length: 3 }, (_, i) => turn(`eval-${i}`, 'eval', i)),
        turn('play-0', 'playground', 9),
      ],
    })
  })
  afterAll(() => s?.close())

  const interactions = async (query: string) =>
    (
      await s.call(
        'GET',
        `/api/v1/analytics/metrics?from=${T0}&to=${T0 + 2 * HOUR}${query}`,
        undefined,
        s.keys.read,
      )
    ).body.metrics.interactions

  it('leaves dataset runs and the playground out unless asked for by environment, from raw rows and from rollups', async () => {
    for (const phase of ['raw', 'rollups']) {
      if (phase === 'rollups') await buildAllDirtyHours(s.store.db)
      expect(await interactions(''), phase).toBe(5)
      expect(await interactions('&groupBy=model'), phase).toBe(5)
      expect(await interactions('&environment=eval'), phase).toBe(3)
      expect(await interactions('&environment=playground'), phase).toBe(1)
      expect(await interactions('&environment=production'), phase).toBe(5)
    }
  })
})
