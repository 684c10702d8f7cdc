import { encodeChat } from 'gpt-tokenizer/model/gpt-4o'
import { describe, expect, it } from 'vitest'
import { countMessageTokens, countTokens, encodingFor, textOf, truncateToTokens } from './tokens.js'

describe('countTokens', () => {
  // Reference token ids published with OpenAI's tiktoken for these strings.
  it('counts cl100k_base tokens for gpt-4 and gpt-3.5', () => {
    expect(countTokens('tiktoken is great!', 'gpt-4')).toBe(6) // [83, 1609, 5963, 374, 2294, 0]
    expect(countTokens('antidisestablishmentarianism', 'gpt-3.5-turbo')).toBe(6)
    expect(countTokens('hello world', 'gpt-4-turbo')).toBe(2) // [15339, 1917]
  })

  it('counts o200k_base tokens for gpt-4o, gpt-4.1, gpt-5 and the o-series', () => {
    expect(countTokens('tiktoken is great!', 'gpt-4o')).toBe(6) // [83, 8251, 2488, 382, 2212, 0]
    expect(countTokens('antidisestablishmentarianism', 'gpt-5')).toBe(6)
    for (const model of ['gpt-4o-mini', 'gpt-4.1', 'gpt-4.5-preview', 'o3-mini', 'openai/gpt-5']) {
      expect(encodingFor(model), model).toBe('o200k_base')
    }
    for (const model of ['gpt-4', 'gpt-4-0613', 'gpt-3.5-turbo', 'openai/gpt-4-turbo']) {
      expect(encodingFor(model), model).toBe('cl100k_base')
    }
  })

  it('approximates other vendors with o200k_base', () => {
    expect(encodingFor('claude-3-5-sonnet-20241022')).toBe('o200k_base')
    expect(countTokens('hello world', 'llama-3.3-70b-versatile')).toBe(2)
  })

  it('counts special-token text as plain text instead of failing', () => {
    expect(countTokens('<|endoftext|> hi')).toBeGreaterThan(2)
  })

  it('counts an empty string as zero tokens', () => {
    expect(countTokens('')).toBe(0)
  })
})

describe('truncateToTokens', () => {
  it('keeps the first tokens of a long text and reports the cut', () => {
    const { text, truncated } = truncateToTokens('one two three four five six', 3)
    expect(truncated).toBe(true)
    expect(text).toBe('one two three')
    expect(truncateToTokens('short', 10)).toEqual({ text: 'short', truncated: false })
  })
})

describe('countMessageTokens', () => {
  const chat = [
    { role: 'system', content: 'You are a helpful support assistant.' },
    { role: 'user', content: 'Where is my order #1234?' },
    { role: 'assistant', content: 'Let me check that for you.' },
  ]

  it('counts a chat with the message framing OpenAI bills', () => {
    expect(countMessageTokens(chat, 'gpt-4o')).toBe(encodeChat(chat as never, 'gpt-4o').length)
  })

  it('counts a { messages } request like its messages', () => {
    expect(countMessageTokens({ model: 'gpt-4o', messages: chat })).toBe(countMessageTokens(chat))
  })

  it('adds a token and the name for a named message', () => {
    const named = [{ role: 'user', name: 'alice', content: 'hi' }]
    const plain = [{ role: 'user', content: 'hi' }]
    expect(countMessageTokens(named)).toBe(countMessageTokens(plain) + 1 + countTokens('alice'))
  })

  it('counts a plain string or other JSON by its text', () => {
    expect(countMessageTokens('hello world')).toBe(2)
    expect(countMessageTokens({ query: 'hello world' })).toBe(2)
  })
})

describe('textOf', () => {
  it('returns a string as it is', () => {
    expect(textOf('plain')).toBe('plain')
  })

  it('joins the contents of a chat message array', () => {
    expect(
      textOf([
        { role: 'user', content: 'Hi' },
        { role: 'assistant', content: 'Hello!' },
      ]),
    ).toBe('Hi\nHello!')
  })

  it('reads the text parts of multi-part content and skips images', () => {
    const message = {
      role: 'user',
      content: [
        { type: 'text', text: 'What is in this picture?' },
        { type: 'image_url', image_url: { url: 'data:image/png;base64,AAAA' } },
      ],
    }
    expect(textOf(message)).toBe('What is in this picture?')
  })

  it('reads an OpenAI chat completion response', () => {
    const response = {
      id: 'chatcmpl-1',
      object: 'chat.completion',
      choices: [
        {
          index: 0,
          message: { role: 'assistant', content: 'Your order ships today.' },
          finish_reason: 'stop',
        },
      ],
    }
    expect(textOf(response)).toBe('Your order ships today.')
  })

  it('reads Gemini contents and parts', () => {
    expect(textOf({ contents: [{ role: 'user', parts: [{ text: 'Hola' }] }] })).toBe('Hola')
  })

  it('falls back to the leaves of any other JSON', () => {
    expect(textOf({ query: 'refund status', filters: { orderId: 42, urgent: true }, type: 'search' })).toBe(
      'refund status\n42\ntrue',
    )
  })

  it('returns an empty string for null and undefined', () => {
    expect(textOf(null)).toBe('')
    expect(textOf(undefined)).toBe('')
  })
})
