import { describe, expect, it } from 'vitest'
import { ExperimentCreate } from '../../../../server/src/experiments/schemas.js'
import { emptyExperimentForm, placeExperimentError, toExperimentBody } from './experiment-form-state.js'

describe('the experiment form', () => {
  it('builds a body the server accepts, with the minimum effect as a share', () => {
    const f = { ...emptyExperimentForm('support-system'), key: 'warmer', name: 'Warmer tone' }
    f.variants[1] = { ...f.variants[1]!, weight: '3', prompt: 'v:2', temperature: '0.7' }
    const { body } = toExperimentBody(f)
    expect(body).toMatchObject({
      key: 'warmer',
      unit: 'user',
      control: 'control',
      variants: [
        { key: 'control', weight: 1, prompt: { name: 'support-system', label: 'production' } },
        {
          key: 'treatment',
          weight: 3,
          prompt: { name: 'support-system', version: 2 },
          overrides: { temperature: 0.7 },
        },
      ],
      settings: { sequential: true, minimumEffect: 0.05, alpha: 0.05, correction: 'holm' },
      start: true,
    })
    expect(ExperimentCreate.safeParse(body).success).toBe(true)
  })

  it('names the field of each mistake as the server does', () => {
    const f = { ...emptyExperimentForm(), key: 'bad key', minimumEffect: '0' }
    f.variants[1] = { ...f.variants[1]!, key: 'control', weight: '-1', model: 'gpt-4o-mini' }
    expect(toExperimentBody(f).errors).toEqual({
      key: 'Letters, digits, ".", "_" and "-", starting with a letter or digit.',
      'variants.0.prompt': 'Pick a prompt version or change something (system message, model…).',
      'variants.1.weight': 'A number of 0 or more (1 and 1 is 50/50).',
      'variants.1.key': 'Another variant is called "control".',
      'settings.minimumEffect': 'A percent above 0, for example 5.',
    })
    expect(placeExperimentError('variants.1.prompt.version')).toBe('variants.1.prompt')
    expect(placeExperimentError('guardrails.0')).toBe('guardrails')
    expect(placeExperimentError('settings.alpha')).toBe('settings.alpha')
  })
})
