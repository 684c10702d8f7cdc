import { describe, expect, it } from 'vitest'
import type { EvalInput } from '../evaluator.js'
import { CorpusStats } from '../text/corpus-stats.js'
import { relevanceEvaluator, relevanceSignals } from './relevance.js'

const score = (input: EvalInput) => relevanceEvaluator.evaluate(input)[0]!

describe('relevance', () => {
  it('scores an on-topic answer above an off-topic one', () => {
    const query = 'How do I reset my password?'
    const on = score({
      query,
      response: 'To reset your password, click "Forgot password" on the sign-in page.',
    })
    const off = score({ query, response: 'Our headphones have a two-year warranty against defects.' })
    expect(on.value).toBeGreaterThan(0.7)
    expect(off.value).toBeLessThan(0.3)
  })

  it('matches inflected forms through stemming', () => {
    const s = relevanceSignals({
      query: 'refunds for cancelled orders',
      response: 'We refunded the order you cancelled.',
    })!
    expect(s.matched.sort()).toEqual(['cancel', 'order', 'refund'])
  })

  it('ignores stop words, so sharing only function words is no overlap', () => {
    const s = relevanceSignals({
      query: 'How do I do this with my account?',
      response: 'How do I do this with the weather?',
    })!
    expect(s.matched).toEqual([])
  })

  it('does not treat the "long" of "how long" as the topic', () => {
    const s = relevanceSignals({
      query: 'How long does shipping take?',
      response: 'Passwords must be twelve characters long.',
    })!
    expect(s.matched).toEqual([])
  })

  it('weighs a shared rare term above a shared common one once the corpus is warm', () => {
    const corpus = new CorpusStats()
    for (let i = 0; i < 400; i++) corpus.addDocument(`Question ${i} about my order and my account`)
    const query = 'My order arrived with a cracked screen'
    const rare = relevanceSignals({ query, response: 'A cracked screen is covered.', corpus })!
    const common = relevanceSignals({ query, response: 'Your order is covered.', corpus })!
    expect(rare.coverage).toBeGreaterThan(common.coverage)
    const cold = relevanceSignals({ query, response: 'Your order is covered.' })!
    expect(common.coverage).toBeLessThan(cold.coverage)
  })

  it('borrows the previous user turn when a follow-up has too few content words', () => {
    const history = [
      { role: 'user' as const, content: 'How do I export my invoices?' },
      { role: 'assistant' as const, content: 'Open Billing > Invoices.' },
    ]
    const s = relevanceSignals({
      query: 'And then?',
      response: 'Then click Export to download your invoices.',
      history,
    })!
    expect(s.matched).toContain('invoic')
  })

  it('does not score small talk or a query without content words', () => {
    expect(score({ query: 'Thanks!', response: 'You are welcome!' }).value).toBeNull()
    expect(score({ query: 'Why?', response: 'Because.' }).value).toBeNull()
  })
})
