import { describe, expect, it } from 'vitest'
import { Chatlens, type ChatlensError, type Exporter } from '../src/index.js'

/** An exporter that holds every batch until released, so the queue can fill. */
function gatedExporter() {
  const received: string[] = []
  let open!: () => void
  const gate = new Promise<void>((resolve) => {
    open = resolve
  })
  const exporter: Exporter = {
    async export(events) {
      await gate
      received.push(...events.map((e) => (JSON.parse(e) as { body: { name: string } }).body.name))
      return { status: 'success' }
    },
  }
  return { exporter, received, open }
}

describe('bounded queue', () => {
  it('drops the newest events beyond maxQueueSize, counts them and reports once', async () => {
    const { exporter, received, open } = gatedExporter()
    const errors: ChatlensError[] = []
    const cl = new Chatlens({ exporter, maxQueueSize: 10, flushAt: 4, onError: (e) => errors.push(e) })
    for (let i = 0; i < 25; i++) expect(cl.trace(`t${i}`, () => i)).toBe(i)
    expect(cl.stats()).toMatchObject({ queued: 10, dropped: 15 })
    const warnings: string[] = []
    const original = console.warn
    console.warn = (m: string) => warnings.push(m)
    try {
      const quiet = new Chatlens({ exporter: gatedExporter().exporter, maxQueueSize: 2 })
      for (let i = 0; i < 10; i++) quiet.trace('x', () => i)
      expect(quiet.stats().dropped).toBe(8)
    } finally {
      console.warn = original
    }
    expect(warnings).toHaveLength(1)
    expect(warnings[0]).toMatch(/queue_full/)
    expect(errors.every((e) => e.code === 'queue_full')).toBe(true)
    open()
    await cl.flush()
    expect(received).toEqual(Array.from({ length: 10 }, (_, i) => `t${i}`))
    expect(cl.stats()).toMatchObject({ queued: 0, sent: 10, dropped: 15 })
  })
})
