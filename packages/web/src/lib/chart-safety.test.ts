import { describe, expect, it } from 'vitest'
import { safeOption } from './chart-safety.js'

describe('chart tooltips', () => {
  it('renders tooltips without a formatter function as canvas text', () => {
    const o = safeOption({ tooltip: { trigger: 'axis' }, series: [{ type: 'bar', tooltip: { show: true } }] })
    expect(o.tooltip).toEqual({ trigger: 'axis', confine: true, renderMode: 'richText' })
    expect((o.series as { tooltip: unknown }[])[0]!.tooltip).toEqual({
      show: true,
      confine: true,
      renderMode: 'richText',
    })
  })

  it('keeps HTML rendering for a formatter function and replaces string templates', () => {
    const formatter = () => 'x'
    expect(safeOption({ tooltip: { formatter } }).tooltip).toEqual({ formatter, confine: true })
    expect(safeOption({ tooltip: { formatter: '{b}: {c}' } }).tooltip).toMatchObject({
      renderMode: 'richText',
    })
  })
})
