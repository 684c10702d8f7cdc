import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import {
  changeItems,
  createDataset,
  datasetItems,
  itemsFromTraces,
  requireDataset,
} from '../../src/datasets/index.js'
import { ingestBatch, noHooks } from '../../src/ingest/index.js'
import { createPricer } from '../../src/ingest/pricer.js'
import { ensureDefaultProject } from '../../src/projects/index.js'
import { listDatasetVersions } from '../../src/store/index.js'
import { ENGINES, type TestDb } from '../support/engines.js'
import { ev } from '../support/events.js'

describe.each(ENGINES)('datasets on $name', (engine) => {
  let store: TestDb
  let projectId: string
  beforeAll(async () => {
    store = await engine.open()
    projectId = (await ensureDefaultProject(store.db)).project.id
  })
  afterAll(() => store?.dispose())

  it('keeps every version readable as it was after items are replaced, added and removed', async () => {
    const d = await createDataset(
      store.db,
      projectId,
      {
        name: 'faq',
        items: [
          { id: 'ship', input: 'How long is shipping?', expected: '3–5 business days' },
          { id: 'refund', input: 'How long do refunds take?', expected: '5–7 business days' },
          { id: 'pw', input: 'I forgot my password' },
        ],
      },
      'test',
    )
    expect(d).toMatchObject({ name: 'faq', latestVersion: 1, itemCount: 3 })
    const change = await changeItems(
      store.db,
      projectId,
      'faq',
      {
        upsert: [
          {
            id: 'refund',
            input: 'How long does a refund take?',
            expected: '5–7 business days',
            context: ['Refunds: 5–7 business days.'],
          },
          { id: 'plans', input: { query: 'What plans do you have?', variables: { tone: 'short' } } },
        ],
        remove: ['pw'],
        note: 'reworded the refund question',
      },
      'test',
    )
    expect(change).toMatchObject({ version: 2, added: 1, replaced: 1, removed: 1 })
    expect(change.dataset).toMatchObject({ latestVersion: 2, itemCount: 3 })
    const v1 = await datasetItems(store.db, projectId, change.dataset, 1)
    const v2 = await datasetItems(store.db, projectId, change.dataset, 2)
    expect(v1.map((i) => [i.id, i.input])).toEqual([
      ['ship', 'How long is shipping?'],
      ['refund', 'How long do refunds take?'],
      ['pw', 'I forgot my password'],
    ])
    // A replaced item keeps its place; a new one goes to the end.
    expect(v2.map((i) => [i.id, i.input])).toEqual([
      ['ship', 'How long is shipping?'],
      ['refund', 'How long does a refund take?'],
      ['plans', { query: 'What plans do you have?', variables: { tone: 'short' } }],
    ])
    expect(v2[1]!.context).toEqual(['Refunds: 5–7 business days.'])
    const versions = await listDatasetVersions(store.db, projectId, d.id)
    expect(versions.map((v) => [v.version, v.itemCount, v.added, v.removed, v.note])).toEqual([
      [2, 3, 1, 1, 'reworded the refund question'],
      [1, 3, 3, 0, 'created'],
    ])
  })

  it('refuses a taken name, unknown items and versions, naming the field', async () => {
    await expect(createDataset(store.db, projectId, { name: 'faq' }, null)).rejects.toMatchObject({
      kind: 'conflict',
      details: { field: 'name' },
    })
    await expect(changeItems(store.db, projectId, 'faq', { remove: ['nope'] }, null)).rejects.toMatchObject({
      kind: 'invalid',
      details: { field: 'ids.0' },
    })
    await expect(
      changeItems(
        store.db,
        projectId,
        'faq',
        {
          upsert: [
            { id: 'a', input: 'x' },
            { id: 'a', input: 'y' },
          ],
        },
        null,
      ),
    ).rejects.toMatchObject({ details: { field: 'items.1.id' } })
    const d = await requireDataset(store.db, projectId, 'faq')
    await expect(datasetItems(store.db, projectId, d, 9)).rejects.toMatchObject({
      details: { field: 'version' },
    })
    await expect(requireDataset(store.db, projectId, 'missing')).rejects.toMatchObject({ kind: 'not_found' })
  })

  it('turns traces into items with their query, conversation, response or correction, and context', async () => {
    const pricer = createPricer()
    const at = (s: number) => new Date(Date.parse('2026-11-20T10:00:00Z') + s * 1000).toISOString()
    const events = [
      ev('trace-create', {
        id: 'tr-1',
        sessionId: 's-1',
        timestamp: at(0),
        input: 'I returned a jacket',
        output: 'Thanks, we got it.',
        bot: 'support',
      }),
      ev('trace-create', {
        id: 'tr-2', sessionId: 's-1', timestamp: at(10), bot: 'support', model: 'gpt-4o-mini',
        input: [{ role: 'user', content: 'When is my refund?' }], output: 'Soon.',
        metadata: { context: 'Refunds are paid within 5–7 business days.' },
      }), // biome-ignore format: one event
      ev('feedback-create', {
        traceId: 'tr-2',
        thumbs: 'down',
        correction: 'Within 5–7 business days after we receive it.',
      }),
      ev('trace-create', { id: 'tr-3', timestamp: at(20), input: 'Hello?' }),
    ]
    const res = await ingestBatch(store.db, { projectId, pricer, hooks: noHooks() }, events)
    expect(res.errors).toEqual([])
    const r = await itemsFromTraces(store.db, projectId, {
      traceIds: ['tr-2', 'tr-3'],
      limit: 10,
      expected: 'correction',
    })
    expect(r.skipped).toEqual([{ traceId: 'tr-3', reason: 'nothing to evaluate: no output' }])
    expect(r.items).toEqual([
      {
        id: 'tr-2',
        input: {
          query: 'When is my refund?',
          history: [
            { role: 'user', content: 'I returned a jacket' },
            { role: 'assistant', content: 'Thanks, we got it.' },
          ],
        },
        expected: 'Within 5–7 business days after we receive it.',
        context: ['Refunds are paid within 5–7 business days.'],
        metadata: expect.objectContaining({
          sourceTraceId: 'tr-2',
          response: 'Soon.',
          bot: 'support',
          model: 'gpt-4o-mini',
        }),
      },
    ])
    const asResponse = await itemsFromTraces(store.db, projectId, {
      traceIds: ['tr-2'],
      limit: 10,
      expected: 'response',
    })
    expect(asResponse.items[0]!.expected).toBe('Soon.')
    const byFilter = await itemsFromTraces(store.db, projectId, {
      filter: { bot: 'support' },
      limit: 10,
      expected: 'none',
    })
    expect(byFilter.items.map((i) => [i.id, i.expected])).toEqual([
      ['tr-2', undefined],
      ['tr-1', undefined],
    ])
    const d = await createDataset(store.db, projectId, { name: 'from-traffic', items: r.items }, null)
    expect((await datasetItems(store.db, projectId, d))[0]!.sourceTraceId).toBe('tr-2')
  })
})
