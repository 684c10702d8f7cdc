import { describe, expect, it } from 'vitest'
import type { StoredPromptVersion } from '../store/index.js'
import { diffVersions } from './diff.js'
import { variablesOf } from './template.js'

function version(
  n: number,
  messages: StoredPromptVersion['messages'],
  extra: Partial<StoredPromptVersion> = {},
) {
  // biome-ignore format: one object
  return {
    name: 'support', version: n, messages, model: 'gpt-4o-mini', temperature: 0.2, maxTokens: null, parameters: {},
    variables: variablesOf(messages), commitMessage: null, author: null, createdBy: null, createdAt: 0, ...extra,
  }
}

describe('diff between prompt versions', () => {
  it('shows changed lines of a message and changed model settings', () => {
    const a = version(1, [{ role: 'system', content: 'You help customers.\nBe brief.' }])
    const b = version(2, [{ role: 'system', content: 'You help customers.\nBe warm and {{tone}}.' }], {
      temperature: 0.7,
    })
    const d = diffVersions(a, b)
    expect(d.changed).toBe(true)
    expect(d.fields).toEqual([{ field: 'temperature', from: 0.2, to: 0.7 }])
    expect(d.messages).toHaveLength(1)
    expect(d.messages[0]).toMatchObject({ status: 'changed', fromIndex: 0, toIndex: 0 })
    expect(d.messages[0]!.lines).toEqual([
      { op: 'equal', text: 'You help customers.' },
      { op: 'remove', text: 'Be brief.' },
      { op: 'add', text: 'Be warm and {{tone}}.' },
    ])
    expect(d.variables).toEqual({ added: ['tone'], removed: [] })
    expect(d.unified).toContain('-Be brief.\n+Be warm and {{tone}}.')
  })

  it('keeps later messages unchanged when one is inserted before them', () => {
    const sys = { role: 'system' as const, content: 'System.' }
    const ex = { role: 'user' as const, content: 'Example question' }
    const a = version(1, [sys, ex])
    const b = version(2, [sys, { role: 'assistant', content: 'New example answer' }, ex])
    const statuses = diffVersions(a, b).messages.map((m) => m.status)
    expect(statuses).toEqual(['unchanged', 'added', 'unchanged'])
  })

  it('reports no change between identical versions', () => {
    const m = [{ role: 'system' as const, content: 'Same.' }]
    const d = diffVersions(version(1, m), version(2, m))
    expect(d.changed).toBe(false)
    expect(d.fields).toEqual([])
  })

  it('compares parameters whatever the order of their keys', () => {
    const m = [{ role: 'system' as const, content: 'Same.' }]
    const a = version(1, m, { parameters: { top_p: 0.9, stop: ['\n'] } })
    const b = version(2, m, { parameters: { stop: ['\n'], top_p: 0.9 } })
    expect(diffVersions(a, b).changed).toBe(false)
  })
})
