import { describe, expect, it } from 'vitest'
import { AlertRuleBody } from '../../../../server/src/alerts/model.js'
import type { AlertRule } from '../../lib/api-types.js'
import { bodyFromRule, emptyForm, formFromRule, serverFieldError, toBody } from './rule-form-state.js'
import { describeRule } from './rule-model.js'

const form = (patch: Partial<ReturnType<typeof emptyForm>>) => ({
  ...emptyForm(),
  name: 'Slow',
  threshold: '3000',
  ...patch,
})

describe('the alert rule form', () => {
  it('builds a body the server accepts', () => {
    const { body } = toBody(
      form({ aggregation: 'p95', filters: { ...emptyForm().filters, bot: ' support ' } }),
    )
    expect(body).toEqual({
      name: 'Slow',
      scope: 'window',
      metric: 'latency_ms',
      aggregation: 'p95',
      comparator: 'gt',
      threshold: 3000,
      windowMinutes: 60,
      severity: 'medium',
      filters: { bot: 'support' },
      minSample: 1,
      cooldownMinutes: 30,
      enabled: true,
    })
    expect(AlertRuleBody.safeParse(body).success).toBe(true)
  })

  it('names the field of each mistake', () => {
    expect(toBody(form({ threshold: 'abc' })).errors).toEqual({
      threshold: 'Enter a number, for example 0.7 or 2000.',
    })
    expect(toBody(form({ threshold: '' })).errors).toEqual({ threshold: 'Enter a threshold.' })
    expect(
      toBody(form({ metric: 'score', scoreName: 'relevance', threshold: '70' })).errors?.threshold,
    ).toMatch(/between 0 and 1/)
    expect(toBody(form({ metric: 'score', scoreName: 'my_scale', threshold: '70' })).errors).toBeUndefined()
    expect(toBody(form({ name: ' ', windowMinutes: '0', cooldownMinutes: '1.5' })).errors).toEqual({
      name: 'Give the rule a name.',
      windowMinutes: 'Whole minutes from 1 to 129,600 (90 days).',
      cooldownMinutes: 'Whole minutes from 0 to 10,080 (7 days).',
    })
    expect(toBody(form({ scope: 'interaction', metric: 'error_rate', threshold: '0.05' })).errors).toEqual({
      metric: 'Not a metric of interaction rules.',
    })
    expect(toBody(form({ aggregation: 'sum' })).errors).toEqual({
      aggregation: 'Use one of mean, median, p95, p99, max, min.',
    })
  })

  it('round-trips a stored rule and describes it in words', () => {
    const rule = {
      ...AlertRuleBody.parse({ name: 'Toxic', scope: 'interaction', metric: 'score:toxicity', comparator: 'gt', threshold: 0.1, windowMinutes: 15 }),
      id: 'r1', aggregation: 'value', windowMs: 15 * 60_000, cooldownMs: 30 * 60_000, description: null, channels: null,
    } as unknown as AlertRule // biome-ignore format: a fixture
    const f = formFromRule(rule)
    expect(f).toMatchObject({ metric: 'score', scoreName: 'toxicity', threshold: '0.1', windowMinutes: '15' })
    expect(toBody(f).body).toEqual(bodyFromRule(rule, { aggregation: undefined }))
    expect(describeRule(rule)).toBe('Toxicity score > 0.1 in any interaction of the last 15 min')
    expect(
      describeRule({
        ...rule,
        scope: 'window',
        metric: 'latency_ms',
        aggregation: 'mean',
        threshold: 3000,
        windowMs: 3_600_000,
        minSample: 20,
      }),
    ).toBe('Mean latency > 3.00 s over the last 1 h (≥ 20 observations)')
  })

  it('shows a server error next to its field without repeating the field name', () => {
    expect(serverFieldError('threshold', 'threshold: Invalid input: expected number')).toEqual({
      threshold: 'Invalid input: expected number',
    })
    expect(serverFieldError(null, 'not allowed')).toEqual({ '': 'Not allowed' })
  })
})
