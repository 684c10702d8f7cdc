import { Chatlens, InMemoryExporter } from '@chatlens/sdk'
import { afterEach, describe, expect, it } from 'vitest'
import { FALLBACK_ANSWER, HISTORY_MESSAGES, SupportChatbot } from '../../src/demo/index.js'
import { createOpenAICompatibleProvider } from '../../src/llm/index.js'
import { type FakeOpenAI, startFakeOpenAI } from '../../src/llm/testing/openai-server.js'

let fake: FakeOpenAI | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

async function bot(behaviour?: Parameters<typeof startFakeOpenAI>[0]) {
  fake = await startFakeOpenAI(behaviour)
  const exporter = new InMemoryExporter()
  const chatlens = new Chatlens({ exporter })
  const provider = createOpenAICompatibleProvider({
    baseURL: fake.url,
    apiKey: 'test',
    defaultModel: 'gpt-4o-mini',
  })
  return { fake, exporter, chatlens, chatbot: new SupportChatbot({ chatlens, provider, version: '2.1.0' }) }
}

describe('the reference support chatbot', () => {
  it('sends the system prompt, the last ten messages of history and the question', async () => {
    const { fake, chatbot } = await bot()
    for (let i = 1; i <= 8; i++)
      await chatbot.reply({ userId: 'u', sessionId: 's', message: `question ${i}` })
    const last = fake.requests.at(-1)!.messages
    expect(last[0]!.role).toBe('system')
    expect(last.slice(1, -1)).toHaveLength(HISTORY_MESSAGES)
    // Turns 3..7 (five question/answer pairs) fit the window; turns 1 and 2 fell out.
    expect(last[1]).toMatchObject({ role: 'user', content: 'question 3' })
    expect(last.at(-2)).toMatchObject({ role: 'assistant', content: 'You said: question 7' })
    expect(last.at(-1)).toMatchObject({ role: 'user', content: 'question 8' })
  })

  it('keeps conversations apart and forgets one on reset', async () => {
    const { fake, chatbot } = await bot()
    await chatbot.reply({ userId: 'a', sessionId: 'one', message: 'first' })
    await chatbot.reply({ userId: 'b', sessionId: 'two', message: 'other' })
    expect(fake.requests[1]!.messages).toHaveLength(2)
    chatbot.reset('one')
    await chatbot.reply({ userId: 'a', sessionId: 'one', message: 'again' })
    expect(fake.requests[2]!.messages).toHaveLength(2)
  })

  it('traces every turn with its generation span, user, conversation and version', async () => {
    const { chatlens, exporter, chatbot } = await bot()
    const result = await chatbot.reply({ userId: 'u1', sessionId: 's1', message: 'Where is my order?' })
    await chatlens.flush()
    const { trace, spans } = exporter.trace(result.traceId!)!
    expect(trace).toMatchObject({
      userId: 'u1',
      sessionId: 's1',
      bot: 'support-bot',
      version: '2.1.0',
      input: 'Where is my order?',
      output: 'You said: Where is my order?',
      status: 'ok',
    })
    expect(spans[0]).toMatchObject({
      kind: 'generation',
      model: 'gpt-4o-mini',
      outputTokens: expect.any(Number),
    })
  })

  it('answers politely when the provider fails, and records the turn as failed with the reason', async () => {
    const { chatlens, exporter, chatbot } = await bot({ behaviour: () => 'server-error' })
    const result = await chatbot.reply({ userId: 'u', sessionId: 's', message: 'Where is my order?' })
    expect(result).toMatchObject({ answer: FALLBACK_ANSWER, fallback: true })
    await chatlens.flush()
    const { trace, spans } = exporter.trace(result.traceId!)!
    expect(trace).toMatchObject({ status: 'error', output: FALLBACK_ANSWER, errorType: 'provider_server' })
    expect(spans[0]).toMatchObject({ status: 'error' })
  })
})
