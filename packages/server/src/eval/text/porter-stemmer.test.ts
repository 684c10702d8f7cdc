import { describe, expect, it } from 'vitest'
import { porterStem, stem } from './porter-stemmer.js'

// Examples printed in Porter's 1980 paper, step by step.
const PAPER_EXAMPLES: Record<string, string> = {
  caresses: 'caress',
  ponies: 'poni',
  ties: 'ti',
  caress: 'caress',
  cats: 'cat',
  feed: 'feed',
  agreed: 'agre',
  plastered: 'plaster',
  bled: 'bled',
  motoring: 'motor',
  sing: 'sing',
  conflated: 'conflat',
  troubled: 'troubl',
  sized: 'size',
  hopping: 'hop',
  tanned: 'tan',
  falling: 'fall',
  hissing: 'hiss',
  fizzed: 'fizz',
  failing: 'fail',
  filing: 'file',
  happy: 'happi',
  sky: 'sky',
  relational: 'relat',
  conditional: 'condit',
  rational: 'ration',
  valenci: 'valenc',
  hesitanci: 'hesit',
  digitizer: 'digit',
  conformabli: 'conform',
  radicalli: 'radic',
  differentli: 'differ',
  vileli: 'vile',
  analogousli: 'analog',
  vietnamization: 'vietnam',
  predication: 'predic',
  operator: 'oper',
  feudalism: 'feudal',
  decisiveness: 'decis',
  hopefulness: 'hope',
  callousness: 'callous',
  formaliti: 'formal',
  sensitiviti: 'sensit',
  sensibiliti: 'sensibl',
  triplicate: 'triplic',
  formative: 'form',
  formalize: 'formal',
  electriciti: 'electr',
  electrical: 'electr',
  hopeful: 'hope',
  goodness: 'good',
  revival: 'reviv',
  allowance: 'allow',
  inference: 'infer',
  airliner: 'airlin',
  gyroscopic: 'gyroscop',
  adjustable: 'adjust',
  defensible: 'defens',
  irritant: 'irrit',
  replacement: 'replac',
  adjustment: 'adjust',
  dependent: 'depend',
  adoption: 'adopt',
  homologou: 'homolog',
  communism: 'commun',
  activate: 'activ',
  angulariti: 'angular',
  homologous: 'homolog',
  effective: 'effect',
  bowdlerize: 'bowdler',
  probate: 'probat',
  rate: 'rate',
  cease: 'ceas',
  controll: 'control',
  roll: 'roll',
  generalizations: 'gener',
  oscillators: 'oscil',
}

describe('porterStem', () => {
  it('reproduces every worked example of the original paper', () => {
    const wrong = Object.entries(PAPER_EXAMPLES).filter(([word, expected]) => porterStem(word) !== expected)
    expect(wrong.map(([w, e]) => `${w}: ${porterStem(w)} != ${e}`)).toEqual([])
  })

  it('conflates the inflections of support vocabulary', () => {
    for (const group of [
      ['refund', 'refunds', 'refunded', 'refunding'],
      ['cancel', 'cancels', 'cancelled', 'cancelling'],
      ['ship', 'shipping', 'shipped'],
      ['password', 'passwords'],
      ['subscription', 'subscriptions'],
    ]) {
      expect(new Set(group.map(porterStem)).size, group.join(',')).toBe(1)
    }
  })

  it('leaves one- and two-letter words alone', () => {
    expect(porterStem('is')).toBe('is')
    expect(porterStem('a')).toBe('a')
  })

  it('returns the same stem from the cache as from the algorithm', () => {
    expect(stem('generalizations')).toBe('gener')
    expect(stem('generalizations')).toBe('gener')
  })
})
