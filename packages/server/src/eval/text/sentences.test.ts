import { describe, expect, it } from 'vitest'
import { splitSentences } from './sentences.js'

const texts = (t: string) => splitSentences(t).sentences.map((s) => s.text)

describe('splitSentences', () => {
  it('splits prose on terminal punctuation', () => {
    expect(texts('Open Settings. Click Save! Done? Yes.')).toEqual([
      'Open Settings.',
      'Click Save!',
      'Done?',
      'Yes.',
    ])
  })

  it('keeps abbreviations, initials, decimals and URLs inside a sentence', () => {
    expect(
      texts('Use a card, e.g. Visa or Mastercard. It costs 14.99 USD. See https://example.com/a.b now.'),
    ).toEqual([
      'Use a card, e.g. Visa or Mastercard.',
      'It costs 14.99 USD.',
      'See https://example.com/a.b now.',
    ])
    expect(texts('Ask J. Smith at the desk.')).toEqual(['Ask J. Smith at the desk.'])
  })

  it('treats list items and headings as their own unterminated-but-fine segments', () => {
    const { sentences } = splitSentences('## Steps\n\n1. Open the app\n2. Tap Settings\n\nThat is all.')
    expect(sentences.map((s) => s.kind)).toEqual(['heading', 'list', 'list', 'prose'])
    expect(sentences[1]!.text).toBe('Open the app')
  })

  it('drops fenced code and reports an unclosed fence', () => {
    const closed = splitSentences('Run this:\n```\nnpm install\n```\nThen restart.')
    expect(closed.codeBlocks).toBe(1)
    expect(closed.unclosedCodeFence).toBe(false)
    expect(closed.sentences.map((s) => s.text)).toEqual(['Run this:', 'Then restart.'])
    expect(splitSentences('Run this:\n```\nnpm inst').unclosedCodeFence).toBe(true)
  })

  it('records where each sentence sits in a text without code', () => {
    const text = 'Hello there.  How are you?\n\n- First item\n- Second'
    for (const s of splitSentences(text).sentences) expect(text.slice(s.start, s.end)).toBe(s.text)
    expect(splitSentences('Run `npm i` now.').sentences[0]!.start).toBeUndefined()
  })

  it('reads a hard-wrapped paragraph as one line', () => {
    expect(texts('Open the\nsettings page. Then\nsave.')).toEqual(['Open the settings page.', 'Then save.'])
  })

  it('marks a final sentence without punctuation as unterminated', () => {
    const { sentences } = splitSentences('Start the return and print the')
    expect(sentences).toMatchObject([
      { text: 'Start the return and print the', kind: 'prose', terminated: false },
    ])
  })
})

describe('splitSentences with "No."', () => {
  it('ends a sentence on "No." unless a numeral follows', () => {
    expect(texts('No. The refund was rejected.')).toEqual(['No.', 'The refund was rejected.'])
    expect(texts('See No. 5 in the list.')).toEqual(['See No. 5 in the list.'])
  })
})
