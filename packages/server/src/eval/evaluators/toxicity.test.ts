import { describe, expect, it } from 'vitest'
import { findToxicTerms } from '../text/toxic-terms.js'
import { scoreToxicity, toxicityEvaluator } from './toxicity.js'

const terms = (text: string) => findToxicTerms(text).matches.map((m) => [m.term, m.form])
const tox = (text: string) => scoreToxicity(text).value

describe('toxicity evasion handling', () => {
  it('reads leetspeak', () => {
    expect(terms('You are a 1d10t')).toEqual([['idiot', 'leet']])
    expect(terms('sh!t happens')).toEqual([['shit', 'leet']])
    expect(terms('what a l0ser')).toEqual([['loser', 'leet']])
    expect(terms('a$$hole')).toEqual([['asshole', 'leet']])
    // An @ for an a is leetspeak, not an e-mail address, even at the end of a sentence.
    expect(terms('Click Export, you dumb@ss.')).toEqual([['dumbass', 'leet']])
  })

  it('joins letters separated by spaces or punctuation', () => {
    expect(terms('you are an i d i o t')).toEqual([['idiot', 'spaced']])
    expect(terms('f.u.c.k this')).toEqual([['fuck', 'plain']])
    expect(terms('s-h-i-t')).toEqual([['shit', 'plain']])
  })

  it('undoes elongation, masking and inflection', () => {
    expect(terms('so stuuuupid')).toEqual([['stupid', 'elongated']])
    expect(terms('what a f*cking mess')).toEqual([['fuck', 'masked']])
    expect(terms('idiots everywhere')).toEqual([['idiot', 'inflected']])
    expect(terms('a total clusterfuck')).toEqual([['fuck', 'embedded']])
  })

  it('matches phrases and lets the phrase stand for its words', () => {
    expect(terms('go kill yourself')).toEqual([['kill yourself', 'plain']])
    expect(terms('f.u.c.k off')).toEqual([['fuck off', 'plain']])
  })

  it('does not flag innocent words that contain or resemble lexicon terms', () => {
    const clean =
      'Scunthorpe assessment class cocktail shiitake passes associate Dickens classic grass hello shell ' +
      'Kill the stuck process. Players who kill the minions win. See https://example.com/hell and a@b.co. 455 items.'
    expect(terms(clean)).toEqual([])
    expect(tox(clean)).toBe(0)
  })
})

describe('scoreToxicity', () => {
  it('weighs an insult aimed at the reader above the same word aimed elsewhere', () => {
    expect(tox('You are so stupid.')).toBeGreaterThan(tox('That was a stupid bug in our code.'))
    expect(tox('Read the manual, moron.')).toBeGreaterThanOrEqual(0.5)
    expect(tox('That was a stupid bug in our code.')).toBeLessThan(0.5)
    expect(tox('No one wants to talk to a jerk like you.')).toBeGreaterThan(tox('Some jerk cut me off.'))
  })

  it('combines several hits into a higher score than any one of them', () => {
    expect(tox('Shut up, you idiot.')).toBeGreaterThan(tox('You idiot.'))
  })

  it('says that higher is worse and names what it found', () => {
    const [s] = toxicityEvaluator.evaluate({ query: 'q', response: 'Stop whining, you idiot.' })
    expect(s!.comment).toContain('higher is worse')
    expect(s!.comment).toContain('idiot')
    expect(s!.details?.categories).toMatchObject({
      insult: expect.any(Number),
      harassment: expect.any(Number),
    })
  })
})
