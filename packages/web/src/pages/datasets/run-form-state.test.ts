import { describe, expect, it } from 'vitest'
import { RunBody } from '../../../../server/src/datasets/run/schemas.js'
import { emptyRunForm, placeRunError, toRunBody } from './run-form-state.js'

describe('the run form', () => {
  it('builds a body the server accepts', () => {
    const f = {
      ...emptyRunForm('support-system'),
      maxTokens: '12',
      presets: ['icontains', 'no-ai'],
      judges: ['rubric'],
    }
    const { body } = toRunBody({ ...f, custom: '{"type": "regex", "pattern": "^Yes"}' })
    expect(body).toEqual({
      config: { prompt: { name: 'support-system', label: 'production' }, maxTokens: 12 },
      assertions: [
        { type: 'icontains' },
        { type: 'icontains', value: 'as an AI', not: true },
        { type: 'regex', pattern: '^Yes' },
      ],
      evaluators: ['heuristics', 'rubric'],
      repeat: 1,
    })
    expect(RunBody.safeParse(body).success).toBe(true)
  })

  it('says what is wrong with the checks written as JSON, and where server errors land', () => {
    expect(toRunBody({ ...emptyRunForm(''), custom: '[{type: regex}]' }).errors).toEqual({
      assertions: 'JSON: one check {"type": "regex", "pattern": "…"} or a list of them.',
    })
    expect(placeRunError('assertions.2.pattern')).toBe('assertions')
    expect(placeRunError('config.prompt.version')).toBe('prompt')
    expect(placeRunError('config.maxTokens')).toBe('maxTokens')
  })
})
