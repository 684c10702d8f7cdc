import { afterEach, describe, expect, it, vi } from 'vitest'
import { Chatlens, type ChatlensError, type Exporter, InMemoryExporter } from '../src/index.js'
import { assertIngestible } from './support/schema.js'

function setup() {
  const exporter = new InMemoryExporter()
  const errors: ChatlensError[] = []
  const cl = new Chatlens({ exporter, onError: (e) => errors.push(e) })
  return { cl, exporter, errors }
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the SDK never throws into the host', () => {
  it('reports a missing function instead of throwing', () => {
    const { cl, errors } = setup()
    expect(cl.trace('x', undefined as never)).toBeUndefined()
    expect(cl.span('x', 'nope' as never)).toBeUndefined()
    expect(cl.traceable(null as never)).toBeNull()
    expect(errors.map((e) => e.code)).toEqual(['invalid_argument', 'invalid_argument', 'invalid_argument'])
  })

  it('accepts junk options and arguments, and still sends events the server accepts', async () => {
    const { cl, exporter, errors } = setup()
    const circular: Record<string, unknown> = { big: 10n, when: new Map([['a', 1]]) }
    circular.self = circular
    await cl.trace(
      'junk',
      async (t) => {
        t.update(null as never)
        t.update({
          inputTokens: -1,
          promptVersion: 0,
          tags: 'vip' as never,
          metadata: [1, 2] as never,
          userId: 'u'.repeat(300),
          output: circular,
        })
        await cl.span('step', async () => 1, { kind: 'llm' as never, parameters: 'hot' as never })
      },
      'not options' as never,
    )
    cl.trace('null-options', () => 1, null as never)
    await cl.flush()
    expect(exporter.events).toHaveLength(3)
    for (const e of exporter.events) assertIngestible(e)
    const junk = exporter.trace('junk')!
    expect(junk.trace.output).toMatchObject({ big: '10', when: { a: 1 }, self: '[Circular]' })
    expect((junk.trace.userId as string).length).toBe(200)
    expect(junk.spans[0]!.kind).toBe('span')
    expect(errors.length).toBeGreaterThanOrEqual(6)
    expect(errors.every((e) => e.code === 'invalid_argument')).toBe(true)
  })

  it('cuts an oversized input to a preview the server accepts', async () => {
    const { cl, exporter } = setup()
    const huge = 'x'.repeat(2_000_000)
    cl.trace('huge', () => 'ok', { input: huge, metadata: { blob: 'y'.repeat(100_000) } })
    await cl.flush()
    const [event] = exporter.events
    assertIngestible(event)
    expect(event!.body.input as string).toMatch(/truncated by chatlens: 2000002 bytes/)
    expect(event!.body.metadata).toEqual({ truncatedByChatlens: expect.any(Number) })
  })

  it('survives values whose toJSON throws', async () => {
    const { cl, exporter } = setup()
    const nasty = {
      toJSON() {
        throw new Error('no')
      },
    }
    cl.trace('nasty', () => nasty, { input: nasty })
    await cl.flush()
    expect(exporter.events).toHaveLength(1)
    assertIngestible(exporter.events[0])
  })

  it('survives an exporter that throws or returns nonsense, and an onError that throws', async () => {
    const throwing: Exporter = {
      export: () => {
        throw new Error('disk full')
      },
    }
    const nonsense: Exporter = { export: async () => undefined as never }
    for (const exporter of [throwing, nonsense]) {
      const cl = new Chatlens({
        exporter,
        onError: () => {
          throw new Error('the handler itself is broken')
        },
      })
      expect(cl.trace('t', () => 'still works')).toBe('still works')
      await cl.flush()
      expect(cl.stats()).toMatchObject({ queued: 0, sent: 0, failed: 1 })
    }
  })

  it('turns junk constructor options into a disabled client', () => {
    const cl = new Chatlens(42 as never)
    expect(cl.trace('t', () => 1)).toBe(1)
    expect(cl.enabled).toBe(false)
  })

  it('warns once per kind of problem on the console when no onError is given', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const cl = new Chatlens({ exporter: new InMemoryExporter() })
    cl.score({ name: 'a', value: 1 })
    cl.score({ name: 'b', value: 1 })
    cl.feedback({ rating: 9 })
    expect(warn).toHaveBeenCalledTimes(1)
    expect(String(warn.mock.calls[0]![0])).toMatch(/\[chatlens\].*invalid_argument/)
  })

  it('returns a non-OpenAI object from wrapOpenAI unchanged', () => {
    const { cl, errors } = setup()
    const notAClient = { chat: {} }
    expect(cl.wrapOpenAI(notAClient)).toBe(notAClient)
    expect(errors[0]!.code).toBe('invalid_argument')
  })
})
