import { afterEach, describe, expect, it } from 'vitest'
import { type FakeOpenAI, startFakeOpenAI } from './openai-server.js'

let fake: FakeOpenAI | undefined
afterEach(async () => {
  await fake?.close()
  fake = undefined
})

const post = (url: string, body: unknown) =>
  fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })

describe('startFakeOpenAI', () => {
  it('echoes the last user message with usage and records the request', async () => {
    fake = await startFakeOpenAI()
    const body = { model: 'm', messages: [{ role: 'user', content: 'ping' }] }
    const res = await post(`${fake.url}/chat/completions`, body)
    const json = (await res.json()) as { choices: { message: { content: string } }[]; usage: object }
    expect(json.choices[0]?.message.content).toBe('You said: ping')
    expect(json.usage).toHaveProperty('prompt_tokens')
    expect(fake.requests).toEqual([body])
  })

  it('streams server-sent events that end with usage and [DONE]', async () => {
    fake = await startFakeOpenAI({ reply: () => 'one two' })
    const body = { model: 'm', messages: [], stream: true, stream_options: { include_usage: true } }
    const text = await (await post(`${fake.url}/chat/completions`, body)).text()
    const events = text.split('\n\n').filter(Boolean)
    expect(events.at(-1)).toBe('data: [DONE]')
    expect(events.at(-2)).toContain('"usage"')
  })

  it('answers 404 on paths it does not serve', async () => {
    fake = await startFakeOpenAI()
    expect((await post(`${fake.url}/embeddings`, {})).status).toBe(404)
  })
})
