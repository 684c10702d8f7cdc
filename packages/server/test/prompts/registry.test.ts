import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../support/engines.js'
import { startTestServer, type TestServer } from '../support/server.js'

const SYSTEM = 'You are the support assistant of {{store}}. Be brief.'

describe.each(ENGINES)('the prompt registry on $name', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine)
  })
  afterAll(() => s?.close())

  const create = (name: string, content: string, extra: Record<string, unknown> = {}) =>
    s.call('POST', '/api/v1/prompts', {
      name,
      messages: [
        { role: 'system', content },
        { role: 'user', content: '{{question}}' },
      ],
      model: 'gpt-4o-mini',
      temperature: 0.2,
      commitMessage: 'first',
      author: 'ann',
      ...extra,
    })

  it('numbers immutable versions and keeps the content of each', async () => {
    const v1 = await create('support', SYSTEM, { labels: ['production'] })
    expect(v1.status).toBe(201)
    expect(v1.body).toMatchObject({
      name: 'support',
      version: 1,
      variables: ['store', 'question'],
      labels: ['latest', 'production'],
      commitMessage: 'first',
      author: 'ann',
      created: true,
    })
    const v2 = await create('support', `${SYSTEM} Be warm.`, { commitMessage: 'warmer', maxTokens: 300 })
    expect(v2.body).toMatchObject({ version: 2, labels: ['latest'], maxTokens: 300 })
    const one = await s.call('GET', '/api/v1/prompts/support/versions/1', undefined, s.keys.read)
    expect(one.body.messages[0].content).toBe(SYSTEM)
    expect(one.body.labels).toEqual(['production'])
  })

  it('adds no version when the content equals the newest one, but still applies labels', async () => {
    const again = await create('support', `${SYSTEM} Be warm.`, { maxTokens: 300, labels: ['staging'] })
    expect(again.status).toBe(200)
    expect(again.body).toMatchObject({ version: 2, created: false, labels: ['latest', 'staging'] })
  })

  it('fetches by label (production by default), by version and as latest, with an ingest key too', async () => {
    const get = (q: string) => s.call('GET', `/api/v1/prompts/support${q}`, undefined, s.keys.ingest)
    expect((await get('')).body.version).toBe(1)
    expect((await get('?label=staging')).body.version).toBe(2)
    expect((await get('?label=latest')).body.version).toBe(2)
    expect((await get('?version=1')).body.version).toBe(1)
    const missing = await get('?label=preview')
    expect(missing.status).toBe(404)
    expect(missing.body.error).toMatchObject({ code: 'label_not_found', field: 'label' })
    expect((await get('?version=9')).body.error.code).toBe('version_not_found')
    expect((await s.call('GET', '/api/v1/prompts/nothing', undefined, s.keys.ingest)).status).toBe(404)
  })

  it('moves and removes labels; "latest" is not movable', async () => {
    const moved = await s.call('PUT', '/api/v1/prompts/support/labels/production', { version: 2 })
    expect(moved.status).toBe(200)
    expect(moved.body.labels).toMatchObject({ production: 2, staging: 2 })
    expect((await s.call('GET', '/api/v1/prompts/support')).body.version).toBe(2)
    await s.call('PUT', '/api/v1/prompts/support/labels/production', { version: 1 })
    expect(
      (await s.call('PUT', '/api/v1/prompts/support/labels/latest', { version: 1 })).body.error.field,
    ).toBe('label')
    expect(
      (await s.call('PUT', '/api/v1/prompts/support/labels/preview', { version: 7 })).body.error.field,
    ).toBe('version')
    expect((await s.call('DELETE', '/api/v1/prompts/support/labels/staging')).status).toBe(204)
    expect((await s.call('GET', '/api/v1/prompts/support?label=staging')).status).toBe(404)
  })

  it('lists prompts and versions, newest first', async () => {
    const list = await s.call('GET', '/api/v1/prompts', undefined, s.keys.read)
    expect(list.body.data.find((p: { name: string }) => p.name === 'support')).toMatchObject({
      latestVersion: 2,
      versionCount: 2,
      labels: { production: 1 },
    })
    const versions = await s.call('GET', '/api/v1/prompts/support/versions', undefined, s.keys.read)
    expect(versions.body.prompt.name).toBe('support')
    expect(versions.body.data.map((v: { version: number }) => v.version)).toEqual([2, 1])
  })

  it('diffs two versions, by number or label, the newest against the one before by default', async () => {
    const d = await s.call('GET', '/api/v1/prompts/support/diff', undefined, s.keys.read)
    expect(d.body).toMatchObject({ from: 1, to: 2, changed: true })
    expect(d.body.fields).toEqual([{ field: 'maxTokens', from: null, to: 300 }])
    expect(d.body.messages[0].lines).toEqual([
      { op: 'remove', text: SYSTEM },
      { op: 'add', text: `${SYSTEM} Be warm.` },
    ])
    const byLabel = await s.call(
      'GET',
      '/api/v1/prompts/support/diff?from=latest&to=production',
      undefined,
      s.keys.read,
    )
    expect(byLabel.body).toMatchObject({ from: 2, to: 1 })
  })

  it('renders variables and answers a missing one with a 400 naming it', async () => {
    const ok = await s.call(
      'POST',
      '/api/v1/prompts/support/render',
      { variables: { store: 'Acme', question: 'Where is my order?', extra: 1 } },
      s.keys.read,
    )
    expect(ok.status).toBe(200)
    expect(ok.body.messages).toEqual([
      { role: 'system', content: 'You are the support assistant of Acme. Be brief.' },
      { role: 'user', content: 'Where is my order?' },
    ])
    expect(ok.body).toMatchObject({
      prompt: { name: 'support', version: 1 },
      model: 'gpt-4o-mini',
      unusedVariables: ['extra'],
    })
    const missing = await s.call(
      'POST',
      '/api/v1/prompts/support/render',
      { variables: { question: 'Hi' } },
      s.keys.read,
    )
    expect(missing.status).toBe(400)
    expect(missing.body.error).toMatchObject({ code: 'missing_variable', field: 'variables.store' })
    expect(missing.body.error.message).toMatch(/store/)
  })

  it('answers bad input with a 400 naming the field, and refuses writes without the admin scope', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'has space', messages: [{ role: 'system', content: 'x' }] }, 'name'],
      [{ name: 'ok' }, 'messages'],
      [{ name: 'ok', messages: [] }, 'messages'],
      [{ name: 'ok', messages: [{ role: 'robot', content: 'x' }] }, 'messages.0.role'],
      [{ name: 'ok', messages: [{ role: 'user', content: 'x' }], temperature: 3 }, 'temperature'],
      [
        { name: 'ok', messages: [{ role: 'user', content: 'x' }], parameters: { temperature: 1 } },
        'parameters.temperature',
      ],
      [{ name: 'ok', messages: [{ role: 'user', content: 'x' }], labels: ['latest'] }, 'labels.0'],
    ]
    for (const [body, field] of cases) {
      const res = await s.call('POST', '/api/v1/prompts', body)
      expect(res.status, field).toBe(400)
      expect(res.body.error.field).toBe(field)
    }
    expect((await s.call('GET', '/api/v1/prompts/support?version=0')).body.error.field).toBe('version')
    expect((await s.call('GET', '/api/v1/prompts/support?version=1&label=production')).body.error.field).toBe(
      'label',
    )
    const denied = await s.call(
      'POST',
      '/api/v1/prompts',
      { name: 'x', messages: [{ role: 'user', content: 'x' }] },
      s.keys.ingest,
    )
    expect(denied.status).toBe(403)
  })
})
