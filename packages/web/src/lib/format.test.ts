import { describe, expect, it } from 'vitest'
import { formatChange, formatCost, formatMs, formatRate, humanize } from './format.js'

describe('display formats', () => {
  it('shows fractions of a cent with two significant digits', () => {
    expect(formatCost(0.000041234)).toBe('$0.000041')
    expect(formatCost(0.0012)).toBe('$0.0012')
    expect(formatCost(0.0000000123)).toBe('<$0.000001')
    expect(formatCost(0.1234)).toBe('$0.1234')
    expect(formatCost(12.5)).toBe('$12.50')
    expect(formatCost(null)).toBe('–')
  })

  it('shows latencies in the unit that reads best', () => {
    expect(formatMs(812)).toBe('812 ms')
    expect(formatMs(1240)).toBe('1.24 s')
    expect(formatMs(12_400)).toBe('12.4 s')
    expect(formatMs(125_000)).toBe('2 m 5 s')
  })

  it('shows rates and changes with the precision they need', () => {
    expect(formatRate(0.0272)).toBe('2.7%')
    expect(formatRate(0.4669)).toBe('47%')
    expect(formatRate(0)).toBe('0%')
    expect(formatChange(0.1234)).toBe('+12.3%')
    expect(formatChange(-0.04)).toBe('−4.0%')
    expect(formatChange(0)).toBe('±0.0%')
    expect(formatChange(12.5)).toBe('+1,250%')
    expect(formatChange(null)).toBe('–')
  })

  it('turns stage ids into words', () => {
    expect(humanize('information_gathering')).toBe('Information gathering')
    expect(humanize(null)).toBe('–')
  })
})
