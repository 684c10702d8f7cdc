import { describe, expect, it } from 'vitest'
import { CorpusStats } from './corpus-stats.js'

describe('CorpusStats', () => {
  it('gives every term weight 1 while empty', () => {
    const c = new CorpusStats()
    expect(c.idf('refund')).toBe(1)
    expect(c.weight('refund')).toBe(1)
  })

  it('weights rare terms above common ones', () => {
    const c = new CorpusStats()
    for (let i = 0; i < 50; i++) c.addDocument(`Where is my order number ${i}?`)
    c.addDocument('My order arrived with a cracked screen')
    expect(c.documentCount).toBe(51)
    expect(c.documentFrequency('order')).toBe(51)
    expect(c.idf('crack')).toBeGreaterThan(c.idf('order'))
    expect(c.idf('never-seen')).toBeGreaterThan(c.idf('crack'))
  })

  it('counts a term once per document and stems it', () => {
    const c = new CorpusStats()
    c.addDocument('Refunds, refunded, refunding: the refund is on its way.')
    expect(c.documentFrequency('refund')).toBe(1)
  })

  it('blends toward uniform weights while the corpus is young', () => {
    const c = new CorpusStats()
    for (let i = 0; i < 20; i++) c.addDocument('common words here')
    c.addDocument('rare')
    const spreadYoung = c.weight('rare', 200) / c.weight('common', 200)
    const spreadLearned = c.idf('rare') / c.idf('common')
    expect(spreadYoung).toBeGreaterThan(1)
    expect(spreadYoung).toBeLessThan(spreadLearned)
  })

  it('evicts the rarest terms when the vocabulary exceeds its bound', () => {
    const c = new CorpusStats({ maxTerms: 100 })
    for (let i = 0; i < 30; i++) c.addDocument('shipping refund invoice')
    for (let i = 0; i < 200; i++) c.addTerms([`rare${i}`])
    expect(c.vocabularySize).toBeLessThanOrEqual(100)
    expect(c.evictedTerms).toBeGreaterThan(0)
    expect(c.documentFrequency('refund')).toBe(30)
    expect(c.documentFrequency('rare199')).toBe(1)
    expect(c.documentFrequency('rare0')).toBe(0)
  })

  it('survives a JSON round trip', () => {
    const c = new CorpusStats({ maxTerms: 1000 })
    c.addDocument('How do I reset my password?')
    c.addDocument('Password reset links expire after a day.')
    const restored = CorpusStats.fromJSON(JSON.parse(JSON.stringify(c)))
    expect(restored.toJSON()).toEqual(c.toJSON())
    expect(restored.idf('password')).toBe(c.idf('password'))
  })

  it('rejects persisted statistics whose frequencies exceed the document count', () => {
    const bad = { version: 1, documentCount: 1, maxTerms: 10, evictedTerms: 0, terms: { refund: 2 } }
    expect(() => CorpusStats.fromJSON(bad)).toThrow(/document count/)
  })
})
