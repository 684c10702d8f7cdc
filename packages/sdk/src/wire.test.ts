import { describe, expect, it } from 'vitest'
import { eventJson } from './wire.js'

const parse = (json: string) =>
  JSON.parse(json) as { id: string; type: string; body: Record<string, unknown> }

describe('eventJson()', () => {
  it('writes the envelope with a fresh UUIDv7 event id and leaves undefined fields out', () => {
    const e = parse(eventJson('trace-create', 0, { id: 't', name: 'turn', model: undefined }, () => {}))
    expect(e).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'trace-create',
      timestamp: '1970-01-01T00:00:00.000Z',
      body: { id: 't', name: 'turn' },
    })
  })

  it('keeps a payload under the server limit and cuts a larger one to a labelled preview', () => {
    const fits = 'é'.repeat(400_000)
    expect(parse(eventJson('span-create', 0, { input: fits }, () => {})).body.input).toBe(fits)
    const cut = parse(eventJson('span-create', 0, { output: 'é'.repeat(600_000) }, () => {})).body
      .output as string
    expect(cut.length).toBeLessThan(20_000)
    expect(cut).toMatch(/truncated by chatlens: 1200002 bytes > 990000/)
  })

  it('replaces oversized metadata and says so', () => {
    const complaints: string[] = []
    const e = parse(
      eventJson('trace-create', 0, { metadata: { blob: 'x'.repeat(70_000) } }, (m) => complaints.push(m)),
    )
    expect(e.body.metadata).toEqual({ truncatedByChatlens: 70_011 })
    expect(complaints).toEqual(['metadata is larger than 63000 bytes and was left out'])
  })

  it('writes values JSON.stringify cannot, field by field', () => {
    const input: Record<string, unknown> = { n: 2n }
    input.self = input
    const e = parse(eventJson('trace-create', 0, { input, output: 'ok' }, () => {}))
    expect(e.body).toEqual({ input: { n: '2', self: '[Circular]' }, output: 'ok' })
  })
})
