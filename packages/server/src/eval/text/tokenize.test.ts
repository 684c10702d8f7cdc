import { describe, expect, it } from 'vitest'
import { countWords, words } from './tokenize.js'

describe('words', () => {
  it('keeps contractions and possessives whole and folds typographic apostrophes', () => {
    expect(words("Don’t cancel the customer's order #4829, ok?")).toEqual([
      "Don't",
      'cancel',
      'the',
      "customer's",
      'order',
      '4829',
      'ok',
    ])
  })

  it('splits on hyphens and punctuation and keeps non-Latin letters', () => {
    expect(words('two-factor café Zürich 東京')).toEqual(['two', 'factor', 'café', 'Zürich', '東京'])
  })
})

describe('countWords', () => {
  it('counts as many words as words() returns', () => {
    for (const t of [
      "Don't stop.",
      'two-factor café',
      '  ',
      'a, b; c',
      "it's rock'n'roll",
      '1.5 GB per file',
    ]) {
      expect(countWords(t), t).toBe(words(t).length)
    }
  })
})
