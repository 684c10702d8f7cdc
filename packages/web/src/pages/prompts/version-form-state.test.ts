import { describe, expect, it } from 'vitest'
import { PromptCreateBody } from '../../../../server/src/prompts/schemas.js'
import { emptyVersionForm, toVersionBody, variablesIn } from './version-form-state.js'

describe('the prompt version form', () => {
  it('builds a body the server accepts, with the variables the messages use', () => {
    const f = {
      ...emptyVersionForm(),
      name: 'support-system',
      messages: [
        { role: 'system' as const, content: 'You help customers of {{store}}. Sign as {{ agent }}.' },
        { role: 'user' as const, content: 'Order {{order}} for {{store}}' },
      ],
      temperature: '0.2',
      maxTokens: '400',
      parameters: '{"top_p": 0.9}',
      commitMessage: ' Shorter answers ',
      labels: ['staging', '', 'canary'],
    }
    expect(variablesIn(f.messages)).toEqual(['store', 'agent', 'order'])
    const { body } = toVersionBody(f, { withName: true })
    expect(body).toEqual({
      name: 'support-system',
      messages: f.messages,
      temperature: 0.2,
      maxTokens: 400,
      parameters: { top_p: 0.9 },
      commitMessage: 'Shorter answers',
      labels: ['staging', 'canary'],
    })
    expect(PromptCreateBody.safeParse(body).success).toBe(true)
  })

  it('names the field of each mistake as the server does', () => {
    const f = {
      ...emptyVersionForm(),
      name: 'bad name',
      temperature: '3',
      parameters: '[1]',
      labels: ['latest'],
    }
    expect(toVersionBody(f, { withName: true }).errors).toEqual({
      name: 'Letters, digits, ".", "_" and "-" (up to 100), starting with a letter or digit.',
      'messages.0.content': 'Write the message, or remove it.',
      temperature: 'A number from 0 to 2.',
      parameters: 'A JSON object, for example {"top_p": 0.9}.',
      labels: '"latest" always means the newest version.',
    })
  })
})
