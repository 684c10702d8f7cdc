import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { Chatlens } from '../src/index.js'
import { type Sink, startSink } from './support/sink.js'

let sink: Sink
const saved = { ...process.env }
beforeEach(async () => {
  sink = await startSink()
  delete process.env.CHATLENS_API_KEY
  delete process.env.CHATLENS_URL
  delete process.env.CHATLENS_ENABLED
})
afterEach(async () => {
  process.env = { ...saved }
  await sink.close()
})

async function exercise(cl: Chatlens) {
  const a = await cl.trace('t', async (t) => {
    t.update({ output: 'x' })
    return cl.span('s', async (s) => {
      s.update({ output: 'y' })
      return 'result'
    })
  })
  const f = cl.traceable((n: number) => n * 2)
  const wrapped = cl.wrapOpenAI({ chat: { completions: { create: async () => 'completion' } } })
  cl.score({ traceId: 't', name: 'n', value: 1 })
  cl.feedback({ traceId: 't', thumbs: 'up' })
  cl.endConversation('s')
  await cl.flush()
  await cl.shutdown()
  return [a, f(21), await wrapped.chat.completions.create()]
}

describe('disabled mode', () => {
  it('runs everything and sends nothing without an api key', async () => {
    process.env.CHATLENS_URL = sink.url
    const cl = new Chatlens()
    expect(cl.enabled).toBe(false)
    expect(await exercise(cl)).toEqual(['result', 42, 'completion'])
    expect(sink.requests).toEqual([])
    expect(cl.stats()).toEqual({ queued: 0, sent: 0, dropped: 0, failed: 0, retried: 0 })
  })

  it('is disabled by enabled:false and by CHATLENS_ENABLED=false', async () => {
    const off = new Chatlens({ apiKey: 'k', baseUrl: sink.url, enabled: false })
    expect(await exercise(off)).toEqual(['result', 42, 'completion'])
    process.env.CHATLENS_ENABLED = 'false'
    const offByEnv = new Chatlens({ apiKey: 'k', baseUrl: sink.url })
    expect(offByEnv.enabled).toBe(false)
    expect(await exercise(offByEnv)).toEqual(['result', 42, 'completion'])
    expect(sink.requests).toEqual([])
  })

  it('reads CHATLENS_API_KEY and CHATLENS_URL from the environment', async () => {
    process.env.CHATLENS_API_KEY = 'from-env'
    process.env.CHATLENS_URL = sink.url
    const cl = new Chatlens()
    expect(cl.enabled).toBe(true)
    cl.trace('t', () => 1)
    await cl.shutdown()
    expect(sink.requests[0]!.headers.authorization).toBe('Bearer from-env')
  })

  it('hands out no-op handles that are safe to use', () => {
    const cl = new Chatlens({ enabled: false })
    cl.trace('t', (t) => {
      expect(t.id).toBe('')
      t.update({ output: 'ignored' })
    })
    expect(cl.currentTrace()).toBeUndefined()
  })
})
