import { describe, expect, it } from 'vitest'
import { extractJson } from './extract-json.js'

describe('extractJson', () => {
  it('reads an answer that is only a JSON object', () => {
    expect(extractJson(' {"a": 1} ')).toEqual({ ok: true, value: { a: 1 } })
  })

  it('reads the object inside a code fence', () => {
    const answer =
      'Here is my evaluation:\n```json\n{"category": "billing", "reason": "asks about an invoice"}\n```'
    expect(extractJson(answer)).toEqual({
      ok: true,
      value: { category: 'billing', reason: 'asks about an invoice' },
    })
  })

  it('finds the first balanced object in prose, ignoring braces inside strings', () => {
    const answer =
      'Sure! {"reason": "the user wrote {curly} and \\"quotes\\"", "score": 0.5} Hope this helps {'
    expect(extractJson(answer)).toEqual({
      ok: true,
      value: { reason: 'the user wrote {curly} and "quotes"', score: 0.5 },
    })
  })

  it('skips a broken object and takes the next one that parses', () => {
    expect(extractJson('Draft: {score: high}. Final: {"score": 0.9}')).toEqual({
      ok: true,
      value: { score: 0.9 },
    })
  })

  it('takes an object out of an array but rejects bare values and empty answers', () => {
    expect(extractJson('[{"a": 1}]')).toEqual({ ok: true, value: { a: 1 } })
    expect(extractJson('[1, 2]')).toMatchObject({ ok: false, reason: 'the answer contains no JSON object' })
    expect(extractJson('0.8')).toMatchObject({ ok: false })
    expect(extractJson('  ')).toEqual({ ok: false, reason: 'the answer was empty' })
  })

  it('says when an object is there but does not parse', () => {
    expect(extractJson('{"relevance": 0.9, "clarity": oops')).toEqual({
      ok: false,
      reason: 'the answer contains no JSON object that parses',
    })
  })
})
