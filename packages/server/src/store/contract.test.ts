import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES, type TestDb } from '../../test/support/engines.js'
import { emptyTrace } from '../ingest/merge.js'
import { migrate } from './migrate.js'
import { MIGRATIONS } from './migrations/index.js'
import { claimEventIds, findTraceRows, lockKeys, type TraceRow, upsertTraceRows } from './repos/index.js'

/** The contract every engine keeps; a new engine passes this file before anything else. */
describe.each(ENGINES)('store contract on $name', (engine) => {
  let t: TestDb
  beforeAll(async () => {
    t = await engine.open()
  })
  afterAll(() => t?.dispose())

  const row = (id: string, patch: Partial<TraceRow> = {}): TraceRow => ({
    ...emptyTrace('p1', id, 1_000, 1_000),
    ...patch,
  })

  it('applies every migration once and is a no-op the second time', async () => {
    const applied = await t.db.all<{ id: string }>('SELECT id FROM schema_migrations ORDER BY id')
    expect(applied.map((r) => r.id)).toEqual(MIGRATIONS.map((m) => m.id))
    expect(await migrate(t.db)).toEqual([])
  })

  it('reads back exactly what it stored, types included', async () => {
    await t.db.transaction((tx) =>
      upsertTraceRows(tx, [
        row('a', { cost_usd: 0.000123, input_tokens: 5, input: '{"q":"hi"}', timestamp: 1_763_000_000_123 }),
      ]),
    )
    const [a] = await findTraceRows(t.db, 'p1', ['a'])
    expect(a).toMatchObject({
      id: 'a',
      cost_usd: 0.000123,
      input_tokens: 5,
      input: '{"q":"hi"}',
      timestamp: 1_763_000_000_123,
    })
    expect(typeof a!.timestamp).toBe('number')
  })

  it('replaces a row on upsert and keeps other projects apart', async () => {
    await t.db.transaction((tx) =>
      upsertTraceRows(tx, [
        row('b', { name: 'first' }),
        { ...row('b', { name: 'other' }), project_id: 'p2' },
      ]),
    )
    await t.db.transaction((tx) => upsertTraceRows(tx, [row('b', { name: 'second' })]))
    expect((await findTraceRows(t.db, 'p1', ['b']))[0]!.name).toBe('second')
    expect((await findTraceRows(t.db, 'p2', ['b']))[0]!.name).toBe('other')
  })

  it('rolls a failed transaction back completely', async () => {
    const failing = t.db.transaction(async (tx) => {
      await upsertTraceRows(tx, [row('rolled-back')])
      throw new Error('boom')
    })
    await expect(failing).rejects.toThrow('boom')
    expect(await findTraceRows(t.db, 'p1', ['rolled-back'])).toEqual([])
  })

  it('fails only the transaction that threw when several run at once', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 6 }, (_, i) =>
        t.db.transaction(async (tx) => {
          await upsertTraceRows(tx, [{ ...row(`g${i}`), project_id: 'p5' }])
          if (i === 2) throw new Error('only me')
        }),
      ),
    )
    expect(results.map((r) => r.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      'fulfilled',
    ])
    const ids = (
      await t.db.all<{ id: string }>("SELECT id FROM traces WHERE project_id = 'p5' ORDER BY id")
    ).map((r) => r.id)
    expect(ids).toEqual(['g0', 'g1', 'g3', 'g4', 'g5'])
  })

  it('serialises concurrent read-merge-write transactions on the same key', async () => {
    const writers = Array.from({ length: 20 }, (_, i) =>
      t.db.transaction(async (tx) => {
        await lockKeys(tx, ['counter', `other-${i}`])
        const before = await tx.get<{ n: number }>("SELECT COUNT(*) AS n FROM traces WHERE project_id = 'p3'")
        await new Promise((r) => setTimeout(r, 1))
        await upsertTraceRows(tx, [{ ...row(`c${i}`), project_id: 'p3', name: String(Number(before!.n)) }])
      }),
    )
    await Promise.all(writers)
    const names = (await t.db.all<{ name: string }>("SELECT name FROM traces WHERE project_id = 'p3'")).map(
      (r) => Number(r.name),
    )
    // Each transaction saw all earlier ones committed: counts 0..19, each once.
    expect(names.sort((a, b) => a - b)).toEqual(Array.from({ length: 20 }, (_, i) => i))
  })

  it('claims an event id once', async () => {
    const first = await t.db.transaction((tx) => claimEventIds(tx, 'p1', ['e1', 'e2'], 1))
    const second = await t.db.transaction((tx) => claimEventIds(tx, 'p1', ['e2', 'e3'], 2))
    expect([...first]).toEqual(['e1', 'e2'])
    expect([...second]).toEqual(['e3'])
  })

  it('streams a large result without loading it all', async () => {
    const rows = Array.from({ length: 2_500 }, (_, i) => ({ ...row(`s${i}`), project_id: 'p4' }))
    await t.db.transaction((tx) => upsertTraceRows(tx, rows))
    let n = 0
    for await (const r of t.db.iterate<{ id: string }>(
      "SELECT id FROM traces WHERE project_id = 'p4' ORDER BY id",
      [],
      500,
    )) {
      if (r.id) n++
    }
    expect(n).toBe(2_500)
  })
})
