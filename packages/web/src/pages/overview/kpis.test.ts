import { describe, expect, it } from 'vitest'
import type { Kpi } from '../../lib/api-types.js'
import { formatMs } from '../../lib/format.js'
import { changeView } from './kpis.js'

const kpi = (k: Partial<Kpi>): Kpi => ({
  current: 100,
  previous: 80,
  changePct: 0.25,
  direction: 'up',
  improved: null,
  significant: null,
  pValue: null,
  test: null,
  ...k,
})

describe('the change a KPI card shows', () => {
  it('colours a change by whether it is good news for that metric', () => {
    const slower = changeView(
      kpi({ improved: false, significant: true, pValue: 0.001, test: 'welch-t' }),
      formatMs,
      'the previous 7 days',
    )
    expect(slower).toEqual({
      arrow: '▲',
      text: '+25.0%',
      tone: 'bad',
      title: "the previous 7 days: 80 ms · significant at α = 0.05 (p = 0.0010, Welch's t test)",
    })
    expect(changeView(kpi({ direction: 'down', changePct: -0.2, improved: true }), formatMs, 'x').tone).toBe(
      'good',
    )
    expect(changeView(kpi({}), formatMs, 'x').tone).toBe('neutral')
  })

  it('says when there is nothing to compare with or the previous value was zero', () => {
    expect(changeView(kpi({ previous: null, changePct: null, direction: null }), formatMs, 'x').text).toBe(
      'no earlier data',
    )
    expect(changeView(kpi({ previous: 0, changePct: null }), formatMs, 'x')).toMatchObject({
      arrow: '▲',
      text: 'from 0',
    })
    expect(changeView(kpi({ previous: 100, changePct: 0, direction: 'flat' }), formatMs, 'x').text).toBe(
      'no change',
    )
  })
})
