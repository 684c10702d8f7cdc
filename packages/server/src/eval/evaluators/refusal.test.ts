import { describe, expect, it } from 'vitest'
import { scoreRefusal } from './refusal.js'

const value = (text: string) => scoreRefusal(text).value!

describe('scoreRefusal', () => {
  it('scores a plain refusal near 1', () => {
    expect(value("I'm sorry, but I can't help with that.")).toBeGreaterThan(0.9)
    expect(value('I am unable to assist with that request.')).toBeGreaterThan(0.9)
    expect(value('As an AI language model, I do not have personal opinions.')).toBeGreaterThan(0.7)
    expect(value('That goes against my guidelines.')).toBeGreaterThan(0.7)
  })

  it('keeps a refusal above 0.5 when the rest only offers to help', () => {
    expect(
      value("I can't help with accessing someone else's account. I can help you recover your own."),
    ).toBeGreaterThan(0.5)
  })

  it('scores a refusal followed by actionable help as a partial refusal', () => {
    const partial = value(
      "I'm sorry, I can't issue a refund without a receipt. However, open Orders and choose Request refund.",
    )
    expect(partial).toBeGreaterThan(0)
    expect(partial).toBeLessThan(0.5)
  })

  it('does not mistake statements about what the user cannot do for refusals', () => {
    expect(value("You can't change the username, but you can change your display name.")).toBe(0)
    expect(value("If you can't log in, reset your password.")).toBe(0)
    expect(value('Security alerts cannot be turned off.')).toBe(0)
  })

  it('says what higher means', () => {
    expect(scoreRefusal('I cannot help with that.').comment).toContain('higher = more clearly a refusal')
  })
})
