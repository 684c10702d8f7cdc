import { describe, expect, it } from 'vitest'
import { classifyQuery } from '../text/query-kind.js'
import { scoreLength } from './length.js'

const value = (query: string, response: string) => scoreLength({ query, response }).value!

describe('classifyQuery', () => {
  it('recognises the kinds of support queries', () => {
    expect(classifyQuery('Hi!')).toBe('greeting')
    expect(classifyQuery('Thanks, that solved it.')).toBe('greeting')
    expect(classifyQuery('Is the store open on Sundays?')).toBe('yes_no')
    expect(classifyQuery('What payment methods do you accept?')).toBe('lookup')
    expect(classifyQuery('How long does delivery take?')).toBe('lookup')
    expect(classifyQuery('How do I reset my password?')).toBe('how_to')
    expect(classifyQuery('Can you explain how refunds work?')).toBe('how_to')
    expect(classifyQuery('My parcel never arrived.')).toBe('statement')
  })
})

describe('scoreLength', () => {
  it('accepts short answers to yes/no questions and greetings', () => {
    expect(value('Is the store open on Sundays?', 'No, the store is closed on Sundays.')).toBe(1)
    expect(value('Hi!', 'Hi there! How can I help you today?')).toBe(1)
  })

  it('punishes a one-word answer to a how-to question', () => {
    expect(value('How do I migrate my projects to the new workspace?', 'Yes.')).toBeLessThan(0.05)
  })

  it('punishes an essay in reply to a greeting', () => {
    expect(value('Hi', 'Hello and welcome to support. '.repeat(30))).toBeLessThan(0.1)
  })

  it('allows longer answers to longer questions', () => {
    const long = 'word '.repeat(140)
    const short = 'Is it open?'
    const detailed = `Is it open on Sundays and public holidays, and does the opening time change in summer or during the ${'very '.repeat(15)}busy season?`
    expect(value(detailed, long)).toBeGreaterThan(value(short, long))
  })

  it('explains the expectation', () => {
    expect(scoreLength({ query: 'How do I reset it?', response: 'Yes.' }).comment).toContain(
      'too short for a how-to query',
    )
  })
})
