import type { ChildProcess } from 'node:child_process'
import { join } from 'node:path'
import { Chatlens } from '@chatlens/sdk'
import { afterAll, describe, expect, it } from 'vitest'
import { assignVariant } from '../../src/experiments/index.js'
import { sampleRatioMismatch } from '../../src/experiments/stats/index.js'
import { tempDir } from '../support/engines.js'
import { spawnServer } from '../support/spawn-server.js'

const UNITS = 300

describe('assignment across processes and restarts', () => {
  const dir = tempDir()
  const file = join(dir.path, 'chatlens.db')
  const children: ChildProcess[] = []
  afterAll(() => {
    for (const c of children) c.kill('SIGKILL')
    dir.dispose()
  })

  it('gives every unit the same variant from a server process, its restart, the SDK and the documented hash', async () => {
    const variants = [
      { key: 'a', weight: 1 },
      { key: 'b', weight: 1 },
      { key: 'c', weight: 2 },
    ]
    const first = await spawnServer(file)
    children.push(first.child)
    expect(
      (
        await first.call('POST', '/api/v1/experiments', {
          key: 'sticky',
          unit: 'user',
          variants,
          start: true,
        })
      ).key,
    ).toBe('sticky')
    const before: string[] = []
    for (let i = 0; i < UNITS; i++)
      before.push((await first.call('GET', `/api/v1/experiments/sticky/assign?unitId=user-${i}`)).variant)
    await first.stop()

    const second = await spawnServer(file)
    children.push(second.child)
    const after: string[] = []
    for (let i = 0; i < UNITS; i++)
      after.push((await second.call('GET', `/api/v1/experiments/sticky/assign?unitId=user-${i}`)).variant)
    expect(after).toEqual(before)

    const cl = new Chatlens({ apiKey: second.key, baseUrl: second.url, onError: () => {} })
    const fromSdk: string[] = []
    for (let i = 0; i < UNITS; i++) fromSdk.push((await cl.assign('sticky', `user-${i}`)).variant!)
    expect(fromSdk).toEqual(before)
    const spec = { key: 'sticky', seed: 'sticky', variants }
    expect(before).toEqual(Array.from({ length: UNITS }, (_, i) => assignVariant(spec, `user-${i}`)))
    await cl.shutdown()
    await second.stop()
  })

  it('splits 100 000 units assigned by the SDK as the weights say, within the sample-ratio test', async () => {
    const server = await spawnServer(file)
    children.push(server.child)
    const weights = [20, 30, 50]
    await server.call('POST', '/api/v1/experiments', {
      key: 'split',
      seed: 'split-2026',
      variants: weights.map((weight, i) => ({ key: `v${i}`, weight })),
      start: true,
    })
    const cl = new Chatlens({ apiKey: server.key, baseUrl: server.url, onError: () => {} })
    const counts = [0, 0, 0]
    for (let i = 0; i < 100_000; i++)
      counts[Number((await cl.assign('split', `customer-${i}`)).variant!.slice(1))]! += 1
    const srm = sampleRatioMismatch(counts, weights)
    expect(srm.mismatch).toBe(false)
    expect(srm.pValue).toBeGreaterThan(0.001)
    await cl.shutdown()
    await server.stop()
  })
})
