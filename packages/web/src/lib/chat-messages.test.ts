import { describe, expect, it } from 'vitest'
import { previewText, toChatMessages } from './chat-messages.js'

describe('reading chat messages out of inputs and outputs', () => {
  it('treats a plain string as one message of the default role', () => {
    expect(toChatMessages('Where is my order?', 'user')).toEqual([
      { role: 'user', text: 'Where is my order?' },
    ])
  })

  it('reads a list of messages with content parts', () => {
    const input = [
      { role: 'system', content: 'Be brief.' },
      {
        role: 'user',
        content: [
          { type: 'text', text: 'Hi' },
          { type: 'image_url', image_url: {} },
        ],
      },
    ]
    expect(toChatMessages(input, 'user')).toEqual([
      { role: 'system', text: 'Be brief.' },
      { role: 'user', text: 'Hi\n[image_url]' },
    ])
  })

  it('reads an OpenAI completion and { messages }', () => {
    const completion = { id: 'x', choices: [{ index: 0, message: { role: 'assistant', content: 'Done.' } }] }
    expect(toChatMessages(completion, 'assistant')).toEqual([{ role: 'assistant', text: 'Done.' }])
    expect(toChatMessages({ messages: [{ role: 'user', content: 'a' }] }, 'user')).toEqual([
      { role: 'user', text: 'a' },
    ])
  })

  it('keeps tool calls of a message without text', () => {
    const m = { role: 'assistant', content: null, tool_calls: [{ id: '1', function: { name: 'lookup' } }] }
    expect(toChatMessages(m, 'assistant')).toEqual([{ role: 'assistant', text: '', toolCalls: m.tool_calls }])
  })

  it('gives up on values that are not chats', () => {
    expect(toChatMessages({ documents: [1, 2] }, 'user')).toBeNull()
    expect(toChatMessages([{ role: 'user', content: 'a' }, 42], 'user')).toBeNull()
    expect(toChatMessages(null, 'user')).toBeNull()
  })

  it('previews the last user message of an input on one line', () => {
    const input = [
      { role: 'user', content: 'first' },
      { role: 'assistant', content: 'reply' },
      { role: 'user', content: 'second\n  question' },
    ]
    expect(previewText(input, 'user')).toBe('second question')
    expect(previewText({ k: 1 }, 'assistant')).toBe('{"k":1}')
    expect(previewText('x'.repeat(500), 'assistant')).toHaveLength(240)
  })
})
