import { describe, expect, it } from 'vitest'
import { change, pValue } from './format.js'

describe('report formatting', () => {
  it('prints a change in percent, "new" when the previous window had none, and – when unknown', () => {
    expect(change({ changePct: 0.125, previous: 8, current: 9 })).toBe('+12.5 %')
    expect(change({ changePct: -0.5, previous: 2, current: 1 })).toBe('-50.0 %')
    expect(change({ changePct: null, previous: 0, current: 80 })).toBe('new')
    expect(change({ changePct: null, previous: 0, current: 0 })).toBe('–')
    expect(change({ changePct: null, previous: null, current: 3 })).toBe('–')
    expect(change(undefined)).toBe('–')
  })

  it('prints tiny p-values as p < 0.001, never p = 0', () => {
    expect(pValue(0)).toBe('p < 0.001')
    expect(pValue(0.0342)).toBe('p = 0.034')
    expect(pValue(null)).toBe('–')
  })
})
