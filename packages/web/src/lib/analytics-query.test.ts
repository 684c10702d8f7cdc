import { describe, expect, it } from 'vitest'
import { analyticsQuery } from './analytics-query.js'
import { readGlobal, timeWindow } from './url-state.js'

const at = (search: string, now: number) => {
  const g = readGlobal(new URLSearchParams(search))
  return { ...g, window: timeWindow(g, now) }
}

describe('analytics queries from the address', () => {
  it('turns a preset range into explicit bounds ending at the moment it was resolved', () => {
    const now = Date.parse('2026-11-23T14:05:00Z')
    expect(analyticsQuery(at('range=24h', now))).toEqual({
      from: now - 86_400_000,
      to: now,
      bot: undefined,
      version: undefined,
      model: undefined,
      environment: undefined,
      category: undefined,
      tag: undefined,
    })
  })

  it('keeps a custom window and passes only the filters asked for', () => {
    const q = analyticsQuery(
      at('range=custom&from=2026-11-01T00:00:00Z&to=2026-11-02T00:00:00Z&bot=a&category=billing&tag=x', 0),
      ['bot', 'category'],
    )
    expect(q).toEqual({
      from: Date.parse('2026-11-01T00:00:00Z'),
      to: Date.parse('2026-11-02T00:00:00Z'),
      bot: 'a',
      category: 'billing',
    })
  })
})
