import { describe, expect, it } from 'vitest'
import { iso, toJson } from './json.js'

describe('toJson()', () => {
  it('writes plain values as JSON.stringify does', () => {
    expect(toJson({ a: [1, 'x', null], b: true })).toBe('{"a":[1,"x",null],"b":true}')
    expect(toJson(undefined)).toBeUndefined()
  })

  it('replaces cycles, and writes BigInt, Map, Set and Error readably', () => {
    const o: Record<string, unknown> = {
      n: 1n,
      m: new Map([['k', 2]]),
      s: new Set([3]),
      e: new TypeError('bad'),
    }
    o.again = o
    o.list = [o.m, o.m]
    expect(JSON.parse(toJson(o)!)).toEqual({
      n: '1',
      m: { k: 2 },
      s: [3],
      e: { name: 'TypeError', message: 'bad' },
      again: '[Circular]',
      list: [{ k: 2 }, { k: 2 }],
    })
  })
})

describe('iso()', () => {
  it('writes what Date#toISOString writes, for whole and fractional milliseconds', () => {
    const samples = [0, 999, 1000, 1_795_000_000_123.7, Date.now(), Date.now() + 5, 253_402_300_799_999, -1]
    for (let i = 0; i < 2000; i++) samples.push(Math.random() * 4e12)
    for (const ms of samples) expect(iso(ms)).toBe(new Date(Math.floor(ms)).toISOString())
  })
})
