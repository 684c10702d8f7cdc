import OpenAI from 'openai'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { type FakeOpenAI, startFakeOpenAI } from '../../server/src/llm/testing/openai-server.js'
import { Chatlens, type ChatlensError, InMemoryExporter } from '../src/index.js'
import { assertIngestible } from './support/schema.js'
import { expectFirstTokenInside } from './support/streaming.js'

let fake: FakeOpenAI
let exporter: InMemoryExporter
let errors: ChatlensError[]
let cl: Chatlens
let openai: OpenAI

const clientFor = (url: string) => new OpenAI({ apiKey: 'sk-test', baseURL: url, maxRetries: 0 })

async function setup(options: Parameters<typeof startFakeOpenAI>[0] = {}) {
  fake = await startFakeOpenAI(options)
  exporter = new InMemoryExporter()
  errors = []
  cl = new Chatlens({ exporter, onError: (e) => errors.push(e) })
  openai = cl.wrapOpenAI(clientFor(fake.url))
}
async function restart(options: Parameters<typeof startFakeOpenAI>[0]) {
  await fake.close()
  await setup(options)
}
beforeEach(async () => {
  await setup()
})
afterEach(async () => {
  await cl.shutdown()
  await fake.close()
})

const instructions = 'You are a support bot.'
const question = 'Where is my order?'
const answer = 'You said: Where is my order?'
const messages = [
  { role: 'system', content: instructions },
  { role: 'user', content: question },
]

/** Reads a streamed response as a chatbot does, keeping every event it received. */
async function readAll(stream: AsyncIterable<OpenAI.Responses.ResponseStreamEvent>) {
  const events: OpenAI.Responses.ResponseStreamEvent[] = []
  let text = ''
  for await (const event of stream) {
    events.push(event)
    if (event.type === 'response.output_text.delta') text += event.delta
  }
  return { events, text }
}

/** Events with the ids and times that differ between two requests made equal. */
const sameRequest = (events: unknown[]) =>
  JSON.parse(
    JSON.stringify(events)
      .replace(/_fake_\d+/g, '_fake')
      .replace(/"created_at":\d+/g, '"created_at":0'),
  )

describe('wrapOpenAI() with the Responses API', () => {
  it('records responses.create as a generation span with model, parameters, messages, output and usage', async () => {
    const res = await cl.trace('turn', () =>
      openai.responses.create({
        model: 'gpt-4o-mini',
        instructions,
        input: question,
        temperature: 0.2,
        max_output_tokens: 50,
        top_p: 0.9,
        reasoning: { effort: 'low' },
      }),
    )
    expect(res.output_text).toBe(answer)
    await cl.flush()
    const { trace, spans } = exporter.trace('turn')!
    expect(spans).toHaveLength(1)
    const gen = spans[0]!
    expect(gen).toMatchObject({
      kind: 'generation',
      name: 'openai.responses',
      model: 'gpt-4o-mini',
      parameters: { temperature: 0.2, max_output_tokens: 50, top_p: 0.9, reasoning: { effort: 'low' } },
      input: messages,
      output: { role: 'assistant', content: answer },
      inputTokens: res.usage!.input_tokens,
      outputTokens: res.usage!.output_tokens,
      totalTokens: res.usage!.total_tokens,
      cachedInputTokens: 0,
      reasoningTokens: 0,
      status: 'ok',
      metadata: { status: 'completed', responseId: res.id },
    })
    expect(Date.parse(gen.completionStartTime as string)).toBeGreaterThanOrEqual(
      Date.parse(gen.startTime as string),
    )
    expect(trace).toMatchObject({
      model: 'gpt-4o-mini',
      parameters: { temperature: 0.2, max_output_tokens: 50 },
    })
    for (const e of exporter.events) assertIngestible(e)
  })

  it('records a string input alone as a user message, and copies an item list as it is', async () => {
    await openai.responses.create({ model: 'm', input: question })
    const items: OpenAI.Responses.ResponseInputItem[] = [
      { role: 'user', content: [{ type: 'input_text', text: question }] },
    ]
    const res = await openai.responses.create({ model: 'm', instructions, input: items })
    expect(res.output_text).toBe(answer)
    items.push({ role: 'assistant', content: res.output_text })
    await cl.flush()
    const [plain, listed] = exporter.spans()
    expect(plain!.input).toEqual([{ role: 'user', content: question }])
    expect(listed!.input).toEqual([
      { role: 'system', content: instructions },
      { role: 'user', content: [{ type: 'input_text', text: question }] },
    ])
  })

  it('records cached and reasoning tokens under the fields chat completions use, plain and streamed', async () => {
    await restart({ cachedTokens: 4, reasoningTokens: 3 })
    const res = await openai.responses.create({ model: 'gpt-4o-mini', instructions, input: question })
    const stream = await openai.responses.create({ model: 'gpt-4o-mini', input: question, stream: true })
    const { events } = await readAll(stream)
    const completed = events.at(-1) as OpenAI.Responses.ResponseCompletedEvent
    await cl.flush()
    const [plain, streamed] = exporter.spans()
    for (const [span, usage] of [
      [plain!, res.usage!],
      [streamed!, completed.response.usage!],
    ] as const) {
      expect(span).toMatchObject({
        inputTokens: usage.input_tokens,
        outputTokens: usage.output_tokens,
        totalTokens: usage.total_tokens,
        cachedInputTokens: 4,
        reasoningTokens: 3,
      })
    }
    for (const e of exporter.events) assertIngestible(e)
  })

  it('records a streamed response with time to first token and usage, passing every event through unchanged', async () => {
    await restart({ delayMs: 5 })
    const body = { model: 'gpt-4o-mini', instructions, input: question, stream: true } as const
    const { events, text } = await cl.trace('turn', async () => readAll(await openai.responses.create(body)))
    const unwrapped = await readAll(await clientFor(fake.url).responses.create(body))
    expect(text).toBe(answer)
    expect(sameRequest(events)).toEqual(sameRequest(unwrapped.events))
    expect(events.map((e) => e.type)).toEqual(
      expect.arrayContaining(['response.created', 'response.output_text.delta', 'response.completed']),
    )
    const completed = events.at(-1) as OpenAI.Responses.ResponseCompletedEvent
    expect(completed.response.output_text).toBeUndefined()
    await cl.flush()
    const { trace, spans } = exporter.trace('turn')!
    const gen = spans[0]!
    expect(gen).toMatchObject({
      kind: 'generation',
      name: 'openai.responses',
      model: 'gpt-4o-mini',
      parameters: { stream: true },
      input: messages,
      output: { role: 'assistant', content: answer },
      inputTokens: completed.response.usage!.input_tokens,
      outputTokens: completed.response.usage!.output_tokens,
      status: 'ok',
      metadata: { status: 'completed', responseId: completed.response.id, streamed: true },
    })
    expectFirstTokenInside(gen, trace)
    for (const e of exporter.events) assertIngestible(e)
  })

  it('keeps function calls visible in the output, with the tools offered among the parameters', async () => {
    const tools: OpenAI.Responses.Tool[] = [
      { type: 'function', name: 'lookup_order', parameters: { type: 'object' }, strict: false },
      { type: 'web_search' },
    ]
    const res = await openai.responses.create({ model: 'm', input: question, tools, tool_choice: 'required' })
    const stream = await openai.responses.create({
      model: 'm',
      input: question,
      tools,
      tool_choice: 'required',
      stream: true,
    })
    await readAll(stream)
    await cl.flush()
    const call = res.output[0] as OpenAI.Responses.ResponseFunctionToolCall
    expect(call).toMatchObject({ type: 'function_call', name: 'lookup_order' })
    const spans = exporter.spans()
    expect(spans).toHaveLength(2)
    for (const span of spans) {
      expect(span).toMatchObject({
        parameters: { tools: ['lookup_order', 'web_search'], tool_choice: 'required' },
        output: {
          role: 'assistant',
          content: '',
          tool_calls: [{ type: 'function_call', name: 'lookup_order', arguments: call.arguments }],
        },
        status: 'ok',
      })
    }
  })

  it('records a failed API call (500) as an error span and rethrows the client error unchanged', async () => {
    await restart({ behaviour: () => 'server-error' })
    const failing = cl.trace('turn', () => openai.responses.create({ model: 'm', input: question }))
    await expect(failing).rejects.toBeInstanceOf(OpenAI.InternalServerError)
    await expect(failing).rejects.toMatchObject({ status: 500, message: '500 The server had an error' })
    const streaming = openai.responses.create({ model: 'm', input: question, stream: true })
    await expect(streaming).rejects.toBeInstanceOf(OpenAI.InternalServerError)
    await cl.flush()
    const spans = exporter.spans()
    expect(spans).toHaveLength(2)
    for (const s of spans) expect(s).toMatchObject({ status: 'error', errorType: 'InternalServerError' })
    expect(exporter.trace('turn')!.trace).toMatchObject({ status: 'error', errorType: 'InternalServerError' })
    for (const e of exporter.events) assertIngestible(e)
  })

  it('records failed and incomplete responses as errors while the caller gets them unchanged', async () => {
    await restart({ behaviour: (_req, n) => (n % 2 === 0 ? 'failed' : 'incomplete') })
    const failed = await openai.responses.create({ model: 'm', input: question })
    const incomplete = await openai.responses.create({ model: 'm', input: question, max_output_tokens: 16 })
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'server_error' } })
    expect(incomplete).toMatchObject({ status: 'incomplete', output_text: 'You said: Where ' })
    const failedStream = await readAll(
      await openai.responses.create({ model: 'm', input: question, stream: true }),
    )
    const cutStream = await readAll(
      await openai.responses.create({ model: 'm', input: question, stream: true }),
    )
    expect(failedStream.events.at(-1)!.type).toBe('response.failed')
    expect(cutStream.events.at(-1)!.type).toBe('response.incomplete')
    await cl.flush()
    const [f, i, fs, is] = exporter.spans()
    for (const s of [f, fs]) {
      expect(s).toMatchObject({
        status: 'error',
        errorType: 'ResponseFailedError',
        error: 'server_error: The model failed to respond.',
        metadata: { status: 'failed' },
      })
    }
    for (const s of [i, is]) {
      expect(s).toMatchObject({
        status: 'error',
        errorType: 'ResponseIncompleteError',
        output: { role: 'assistant', content: 'You said: Where ' },
        metadata: { status: 'incomplete', incompleteReason: 'max_output_tokens' },
      })
    }
    expect(exporter.traces().map((t) => t.status)).toEqual(['error', 'error', 'error', 'error'])
    for (const e of exporter.events) assertIngestible(e)
  })

  it('records an error event in a stream as an error span, passing the event to the caller', async () => {
    await restart({ behaviour: () => 'stream-error' })
    const stream = await cl.trace('turn', () =>
      openai.responses.create({ model: 'm', input: question, stream: true }),
    )
    const { events } = await readAll(stream)
    expect(events.at(-1)).toMatchObject({
      type: 'error',
      code: 'server_error',
      message: 'The server had an error',
    })
    await cl.flush()
    expect(exporter.spans()[0]).toMatchObject({
      status: 'error',
      errorType: 'ResponseStreamError',
      error: 'server_error: The server had an error',
      metadata: { status: 'in_progress', streamed: true },
    })
    for (const e of exporter.events) assertIngestible(e)
  })

  it('keeps withResponse() and asResponse() working', async () => {
    const { data, response } = await openai.responses.create({ model: 'm', input: question }).withResponse()
    expect(response.status).toBe(200)
    expect(data.output_text).toBe(answer)
    const streamed = await openai.responses
      .create({ model: 'm', input: question, stream: true })
      .withResponse()
    expect(streamed.response.status).toBe(200)
    expect((await readAll(streamed.data)).text).toBe(answer)
    await cl.flush()
    expect(exporter.spans()).toHaveLength(2)
    const raw = await openai.responses.create({ model: 'm', input: question }).asResponse()
    expect(raw.status).toBe(200)
  })

  it('keeps tee() working on a wrapped stream, recording it once', async () => {
    const stream = await openai.responses.create({ model: 'm', input: question, stream: true })
    const [left, right] = stream.tee()
    const texts = await Promise.all([readAll(left), readAll(right)])
    expect(texts.map((t) => t.text)).toEqual([answer, answer])
    await cl.flush()
    expect(exporter.spans().map((s) => (s.output as { content: string }).content)).toEqual([answer])
  })

  it('records what arrived when the consumer stops reading a stream early', async () => {
    const stream = await openai.responses.create({ model: 'm', input: question, stream: true })
    for await (const event of stream) if (event.type === 'response.output_text.delta') break
    await cl.flush()
    expect(exporter.spans()[0]).toMatchObject({
      status: 'ok',
      output: { role: 'assistant', content: 'You ' },
      metadata: { status: 'in_progress', streamed: true, interrupted: true },
    })
  })

  it('records each call once when a client is wrapped twice, and records the stream() and parse() helpers', async () => {
    cl.wrapOpenAI(openai)
    await openai.responses.create({ model: 'm', input: question })
    const final = await openai.responses.stream({ model: 'm', input: question }).finalResponse()
    expect(final.output_text).toBe(answer)
    const parsed = await openai.responses.parse({ model: 'm', input: question })
    expect(parsed.output_text).toBe(answer)
    await cl.flush()
    const spans = exporter.spans()
    expect(spans).toHaveLength(3)
    for (const s of spans) expect(s).toMatchObject({ output: { content: answer }, status: 'ok' })
  })

  it('starts a trace holding the generation when called outside any trace, under the responsesName option', async () => {
    cl.wrapOpenAI(openai, { name: 'chat', responsesName: 'answer' })
    await openai.responses.create({ model: 'gpt-4o-mini', instructions, input: question })
    await openai.chat.completions.create({
      model: 'gpt-4o-mini',
      messages: [{ role: 'user', content: question }],
    })
    await cl.flush()
    const [responses, chat] = exporter.traces()
    expect(responses).toMatchObject({ name: 'answer', input: messages, model: 'gpt-4o-mini' })
    expect(responses!.output).toMatchObject({ content: answer })
    expect(exporter.spans(responses!.id as string)).toHaveLength(1)
    expect(chat).toMatchObject({ name: 'chat' })
  })

  it('still wraps chat completions of a client without the Responses API, without complaint', async () => {
    const old = clientFor(fake.url) as Partial<OpenAI>
    delete old.responses
    const wrapped = cl.wrapOpenAI(old as OpenAI)
    await wrapped.chat.completions.create({ model: 'm', messages: [{ role: 'user', content: question }] })
    await cl.flush()
    expect(exporter.spans()).toHaveLength(1)
    expect(errors).toEqual([])
  })
})
