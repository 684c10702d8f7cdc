import { describe, expect, it } from 'vitest'
import { scoreSupportSignals } from './support-signals.js'

const value = (response: string, context?: string[]) =>
  scoreSupportSignals({ query: 'q', response, context }).value!
const details = (response: string, context?: string[]) =>
  scoreSupportSignals({ query: 'q', response, context }).details as Record<string, number>

describe('scoreSupportSignals', () => {
  it('is 0.5 when there is no signal either way', () => {
    expect(value('Open Settings and choose Security.')).toBe(0.5)
  })

  it('rises with links, citation markers and references to documents', () => {
    expect(value('See https://help.example.com/refunds for details.')).toBeGreaterThan(0.6)
    expect(value('Backups stay in the region [1].')).toBeGreaterThan(0.6)
    expect(value('According to our refund policy, plans can be refunded.')).toBeGreaterThan(0.6)
  })

  it('falls with hedging and with figures that have no source', () => {
    expect(value('I think it is probably about 73% faster, maybe more.')).toBeLessThan(0.2)
    expect(details('It blocks 99.7% of attacks, 3 times the 33% average.').unsourcedFigures).toBe(3)
  })

  it('counts a figure found in the supplied context as sourced', () => {
    const context = ['Team plan: 1 TB of storage per workspace.']
    expect(details('The Team plan has 1 TB of storage.', context)).toMatchObject({
      figuresFromContext: 1,
      unsourcedFigures: 0,
    })
    expect(value('The Team plan has 1 TB of storage.', context)).toBeGreaterThan(
      value('The Team plan has 1 TB of storage.'),
    )
  })

  it('does not treat dates, times, versions or identifiers as claims', () => {
    const d = details(
      'Version 4.12.0 shipped on 2024-03-18 at 09:14; invoice INV-2025-0481, call 1-800-555-0199.',
    )
    expect(d.figures).toBe(0)
  })

  it('says it is not a fact check', () => {
    expect(scoreSupportSignals({ query: 'q', response: 'Yes.' }).comment).toContain('not a fact check')
  })
})
