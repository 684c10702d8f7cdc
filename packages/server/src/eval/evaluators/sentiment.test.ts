import { describe, expect, it } from 'vitest'
import { polarityScores } from '../text/vader.js'
import { scoreSentiment } from './sentiment.js'

const compound = (text: string) => Number(polarityScores(text).compound.toFixed(4))
const value = (text: string) => scoreSentiment(text).value!

describe('polarityScores', () => {
  // Compound scores printed in the README of the reference VADER implementation (vaderSentiment 3.3.2).
  it('reproduces the reference examples', () => {
    const reference: Record<string, number> = {
      'VADER is smart, handsome, and funny.': 0.8316,
      'VADER is smart, handsome, and funny!': 0.8439,
      'VADER is very smart, handsome, and funny.': 0.8545,
      'VADER is VERY SMART, handsome, and FUNNY.': 0.9227,
      'VADER is VERY SMART, handsome, and FUNNY!!!': 0.9342,
      'VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!': 0.9469,
      'VADER is not smart, handsome, nor funny.': -0.7424,
      'The book was good.': 0.4404,
      "At least it isn't a horrible book.": 0.431,
      'The book was only kind of good.': 0.3832,
      'The plot was good, but the characters are uncompelling and the dialog is not great.': -0.7042,
      'Today SUX!': -0.5461,
      "Today only kinda sux! But I'll get by, lol": 0.5249,
      'Make sure you :) or :D today!': 0.8633,
    }
    for (const [text, expected] of Object.entries(reference)) expect(compound(text), text).toBe(expected)
  })

  it('flips and dampens a negated word', () => {
    expect(compound('The setup is easy.')).toBeGreaterThan(0)
    expect(compound('The setup is not easy.')).toBeLessThan(0)
    expect(compound('Not bad at all.')).toBeGreaterThan(0)
  })

  it('reads "no problem" as positive: "no" negates the next sentiment word', () => {
    expect(compound("It's no problem at all.")).toBeGreaterThan(0)
  })

  it('weighs the clause after "but" more than the one before', () => {
    expect(compound('The app is great, but the delivery was terrible.')).toBeLessThan(0)
    expect(compound('The delivery was terrible, but the app is great.')).toBeGreaterThan(0)
  })

  it('keeps "but" inside its sentence', () => {
    const earlier = 'Your refund was approved and we are glad to help.'
    expect(compound(`${earlier} The form is long but simple.`)).toBeGreaterThan(
      compound('The form is long but simple.'),
    )
  })

  it('boosts intensity for degree adverbs and capitals', () => {
    expect(compound('This is very good.')).toBeGreaterThan(compound('This is good.'))
    expect(compound('This is GOOD, really.')).toBeGreaterThan(compound('This is good, really.'))
  })
})

describe('scoreSentiment', () => {
  it('maps compound -1..1 to (compound + 1) / 2 and labels it', () => {
    const s = scoreSentiment('Great news, your refund was approved!')
    const c = (s.details as { compound: number }).compound
    expect(s.value).toBeCloseTo((c + 1) / 2, 2)
    expect(s.details).toMatchObject({ label: 'positive' })
    expect(value('The file limit is 2 GB.')).toBe(0.5)
    expect(scoreSentiment('Unfortunately the order was lost and the refund failed.').details).toMatchObject({
      label: 'negative',
    })
  })
})
