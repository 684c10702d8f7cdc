import OpenAI from 'openai'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FakeOpenAI, startFakeOpenAI } from '../../server/src/llm/testing/openai-server.js'
import { Chatlens, InMemoryExporter } from '../src/index.js'
import { assertIngestible } from './support/schema.js'
import { expectFirstTokenInside } from './support/streaming.js'

let fake: FakeOpenAI
let exporter: InMemoryExporter
let cl: Chatlens
let openai: OpenAI

async function setup(options: Parameters<typeof startFakeOpenAI>[0] = {}) {
  fake = await startFakeOpenAI(options)
  exporter = new InMemoryExporter()
  cl = new Chatlens({ exporter, onError: () => {} })
  openai = cl.wrapOpenAI(new OpenAI({ apiKey: 'sk-test', baseURL: fake.url, maxRetries: 0 }))
}
beforeEach(async () => {
  await setup()
})
afterEach(async () => {
  await cl.shutdown()
  await fake.close()
})

const messages = [
  { role: 'system' as const, content: 'You are a support bot.' },
  { role: 'user' as const, content: 'Where is my order?' },
]

describe('wrapOpenAI()', () => {
  it('records a completion as a generation span with model, parameters, messages, output and usage', async () => {
    const res = await cl.trace('turn', () =>
      openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages,
        temperature: 0.2,
        max_tokens: 50,
        top_p: 0.9,
      }),
    )
    expect(res.choices[0]!.message.content).toBe('You said: Where is my order?')
    await cl.flush()
    const { trace, spans } = exporter.trace('turn')!
    expect(spans).toHaveLength(1)
    const gen = spans[0]!
    expect(gen).toMatchObject({
      kind: 'generation',
      name: 'openai.chat.completions',
      model: 'gpt-4o-mini',
      parameters: { temperature: 0.2, max_tokens: 50, top_p: 0.9 },
      input: messages,
      output: { role: 'assistant', content: 'You said: Where is my order?' },
      inputTokens: res.usage!.prompt_tokens,
      outputTokens: res.usage!.completion_tokens,
      totalTokens: res.usage!.total_tokens,
      cachedInputTokens: 0,
      reasoningTokens: 0,
      status: 'ok',
      metadata: { finishReason: 'stop' },
    })
    expect(Date.parse(gen.completionStartTime as string)).toBeGreaterThanOrEqual(
      Date.parse(gen.startTime as string),
    )
    expect(trace).toMatchObject({ model: 'gpt-4o-mini', parameters: { temperature: 0.2, max_tokens: 50 } })
    for (const e of exporter.events) assertIngestible(e)
  })

  it('keeps withResponse() and asResponse() working', async () => {
    const { data, response } = await openai.chat.completions.create({ model: 'm', messages }).withResponse()
    expect(response.status).toBe(200)
    expect(data.choices[0]!.message.content).toBe('You said: Where is my order?')
    await cl.flush()
    expect(exporter.spans()).toHaveLength(1)
    const raw = await openai.chat.completions.create({ model: 'm', messages }).asResponse()
    expect(raw.status).toBe(200)
  })

  it('records a streamed completion with time to first token and usage, passing chunks through unchanged', async () => {
    await fake.close()
    await setup({ delayMs: 5 })
    const text = await cl.trace('turn', async () => {
      const stream = await openai.chat.completions.create({
        model: 'gpt-4o-mini',
        messages,
        stream: true,
        stream_options: { include_usage: true },
      })
      let out = ''
      for await (const chunk of stream) out += chunk.choices[0]?.delta?.content ?? ''
      return out
    })
    expect(text).toBe('You said: Where is my order?')
    await cl.flush()
    const { trace, spans } = exporter.trace('turn')!
    const gen = spans[0]!
    expect(gen).toMatchObject({
      kind: 'generation',
      model: 'gpt-4o-mini',
      parameters: { stream: true },
      output: { role: 'assistant', content: 'You said: Where is my order?' },
      status: 'ok',
      metadata: { finishReason: 'stop', streamed: true },
    })
    expect(gen.inputTokens).toBeGreaterThan(0)
    expect(gen.outputTokens).toBeGreaterThan(0)
    expectFirstTokenInside(gen, trace)
    for (const e of exporter.events) assertIngestible(e)
  })

  it('keeps tee() and toReadableStream() working on a wrapped stream, recording it once', async () => {
    const stream = await openai.chat.completions.create({ model: 'm', messages, stream: true })
    const [left, right] = stream.tee()
    const read = async (s: typeof left) => {
      let out = ''
      for await (const c of s) out += c.choices[0]?.delta?.content ?? ''
      return out
    }
    expect(await Promise.all([read(left), read(right)])).toEqual([
      'You said: Where is my order?',
      'You said: Where is my order?',
    ])
    const again = await openai.chat.completions.create({ model: 'm', messages, stream: true })
    const reader = again.toReadableStream().getReader()
    let chunks = 0
    while (!(await reader.read()).done) chunks++
    expect(chunks).toBeGreaterThan(2)
    await cl.flush()
    expect(exporter.spans().map((s) => (s.output as { content: string }).content)).toEqual([
      'You said: Where is my order?',
      'You said: Where is my order?',
    ])
  })

  it('records what arrived when the consumer stops reading a stream early', async () => {
    const stream = await openai.chat.completions.create({ model: 'm', messages, stream: true })
    for await (const chunk of stream) if (chunk.choices[0]?.delta?.content) break
    await cl.flush()
    expect(exporter.spans()[0]).toMatchObject({ status: 'ok', metadata: { interrupted: true } })
  })

  it('records a failed call with its error type and rethrows the client error unchanged', async () => {
    await fake.close()
    await setup({ behaviour: () => 'rate-limit' })
    const failing = cl.trace('turn', () => openai.chat.completions.create({ model: 'm', messages }))
    await expect(failing).rejects.toBeInstanceOf(OpenAI.RateLimitError)
    const streaming = openai.chat.completions.create({ model: 'm', messages, stream: true })
    await expect(streaming).rejects.toBeInstanceOf(OpenAI.RateLimitError)
    await cl.flush()
    const spans = exporter.spans()
    expect(spans).toHaveLength(2)
    for (const s of spans) expect(s).toMatchObject({ status: 'error', errorType: 'RateLimitError' })
    expect(exporter.trace('turn')!.trace).toMatchObject({ status: 'error', errorType: 'RateLimitError' })
  })

  it('starts a trace holding the generation when called outside any trace', async () => {
    await openai.chat.completions.create({ model: 'gpt-4o-mini', messages })
    await cl.flush()
    const [trace] = exporter.traces()
    expect(trace).toMatchObject({ name: 'openai.chat.completions', input: messages, model: 'gpt-4o-mini' })
    expect(trace!.output).toMatchObject({ content: 'You said: Where is my order?' })
    expect(exporter.spans(trace!.id as string)).toHaveLength(1)
  })

  it('records each call once when a client is wrapped twice, and records the runStream helper', async () => {
    cl.wrapOpenAI(openai)
    await openai.chat.completions.create({ model: 'm', messages })
    const runner = openai.chat.completions.stream({ model: 'm', messages })
    const final = await runner.finalChatCompletion()
    expect(final.choices[0]!.message.content).toBe('You said: Where is my order?')
    await cl.flush()
    expect(exporter.spans()).toHaveLength(2)
  })

  it('copies the messages so a history pushed to after the call is not recorded', async () => {
    const history: OpenAI.ChatCompletionMessageParam[] = [...messages]
    const res = await cl.trace('turn', () =>
      openai.chat.completions.create({ model: 'm', messages: history }),
    )
    history.push(res.choices[0]!.message)
    await cl.flush()
    expect(exporter.spans()[0]!.input).toHaveLength(2)
  })
})
