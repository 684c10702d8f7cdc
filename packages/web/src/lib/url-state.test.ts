import { describe, expect, it } from 'vitest'
import { globalSearch, readGlobal, timeWindow } from './url-state.js'

describe('global state in the address', () => {
  it('defaults to the last 7 days without filters', () => {
    const g = readGlobal(new URLSearchParams(''))
    expect(g).toEqual({ range: '7d', from: null, to: null, filters: {} })
    expect(timeWindow(g, 1_000_000_000_000)).toEqual({
      from: 1_000_000_000_000 - 7 * 86_400_000,
      to: undefined,
    })
  })

  it('reads a custom range and the filters, ignoring blank ones', () => {
    const g = readGlobal(
      new URLSearchParams('range=custom&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&bot=sales&model=+'),
    )
    expect(g.range).toBe('custom')
    expect(g.filters).toEqual({ bot: 'sales' })
    expect(timeWindow(g)).toEqual({
      from: Date.parse('2026-11-01T00:00:00Z'),
      to: Date.parse('2026-11-02T00:00:00Z'),
    })
  })

  it('falls back to the default range for an unknown one', () => {
    expect(readGlobal(new URLSearchParams('range=2y')).range).toBe('7d')
    expect(readGlobal(new URLSearchParams('range=custom')).range).toBe('7d')
  })

  it('carries only the shared parameters across pages', () => {
    expect(globalSearch(new URLSearchParams('range=24h&bot=a&status=error&q=x&tag=vip'))).toBe(
      '?range=24h&bot=a&tag=vip',
    )
    expect(globalSearch(new URLSearchParams('status=error'))).toBe('')
  })
})
