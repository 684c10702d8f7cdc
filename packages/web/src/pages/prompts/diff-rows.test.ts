import { describe, expect, it } from 'vitest'
import { sideBySide, wordDiff } from './diff-rows.js'

describe('the side-by-side prompt diff', () => {
  it('faces equal lines and pairs each run of removed lines with the added ones', () => {
    const rows = sideBySide([
      { op: 'equal', text: 'You help customers.' },
      { op: 'remove', text: 'Be brief.' },
      { op: 'remove', text: 'No jokes.' },
      { op: 'add', text: 'Be warm.' },
      { op: 'equal', text: 'Thanks.' },
      { op: 'add', text: 'Sign as Ann.' },
    ])
    expect(rows.map((r) => [r.left?.text ?? null, r.right?.text ?? null])).toEqual([
      ['You help customers.', 'You help customers.'],
      ['Be brief.', 'Be warm.'],
      ['No jokes.', null],
      ['Thanks.', 'Thanks.'],
      [null, 'Sign as Ann.'],
    ])
  })

  it('marks the words that changed within a line', () => {
    const { left, right } = wordDiff('Be accurate and brief. Thanks', 'Be warm and accurate. Thanks')
    expect(left.filter((s) => s.changed).map((s) => s.text.trim())).toEqual(['accurate', 'brief.'])
    expect(right.filter((s) => s.changed).map((s) => s.text.trim())).toEqual(['warm', 'accurate.'])
    expect(left.map((s) => s.text).join('')).toBe('Be accurate and brief. Thanks')
    expect(right.map((s) => s.text).join('')).toBe('Be warm and accurate. Thanks')
  })
})
