import { describe, expect, it } from 'vitest'
import { readUser } from './intent.js'
import { styleOf } from './style.js'

describe('readUser', () => {
  it.each([
    ['Where is my order #5521?', 'order_status'],
    ['How long does shipping to Germany take?', 'shipping'],
    ['I want a refund, the item arrived broken', 'returns'],
    ['Can I download my invoice?', 'billing'],
    ['I forgot my password', 'password'],
    ['How do I delete my account?', 'account'],
    ['Does it integrate with Slack?', 'features'],
    ['How much is the Business plan?', 'pricing'],
    ['Can I speak to a human please', 'human'],
    ['What is the weather in Paris?', 'off_topic'],
    ['Hello!', 'greeting'],
    ['thanks, bye', 'thanks'],
    ['you stupid f*cking bot', 'abusive'],
    ['blorp', 'unknown'],
  ])('reads %j as %s', (text, intent) => {
    expect(readUser([text]).intent).toBe(intent)
  })

  it('keeps the topic of an abusive message that still asks something', () => {
    const reading = readUser(['this useless app charged me twice!!'])
    expect(reading).toMatchObject({ intent: 'billing', abusive: true, upset: true })
  })

  it('gives a short follow-up the topic of the previous question', () => {
    expect(readUser(['Do you ship to Canada?', 'and how long does it take?']).intent).toBe('shipping')
    expect(readUser(['Do you ship to Canada?', 'thanks!']).intent).toBe('thanks')
  })
})

describe('styleOf', () => {
  it('reads the tone a system prompt asks for', () => {
    expect(styleOf('Be warm and empathetic.')).toMatchObject({ empathetic: true, concise: false })
    expect(styleOf('Answer concisely.')).toMatchObject({ empathetic: false, concise: true })
    expect(styleOf('Give step-by-step instructions and cite our exact policies.')).toMatchObject({
      steps: true,
      precise: true,
    })
    expect(styleOf(null).bare).toBe(true)
  })
})
