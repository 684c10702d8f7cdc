import { describe, expect, it } from 'vitest'
import { ServiceError } from '../prompts/errors.js'
import { parseCsv } from './csv.js'
import { parseItemsFile } from './files.js'

describe('CSV reader', () => {
  it('reads quoted fields with commas, doubled quotes and line breaks, and CRLF records', () => {
    const rows = parseCsv('\ufeffquery,expected\r\n"Hi, there","He said ""hello""\nthen left"\r\nplain,x\n\n')
    expect(rows.map((r) => r.fields)).toEqual([
      ['query', 'expected'],
      ['Hi, there', 'He said "hello"\nthen left'],
      ['plain', 'x'],
    ])
    expect(rows.map((r) => r.line)).toEqual([1, 2, 4])
  })

  it('refuses a quoted field that never closes, naming its line', () => {
    expect(() => parseCsv('a\n"open')).toThrow(/line 2/)
  })
})

describe('dataset files', () => {
  it('reads JSONL with the common names for input and expected output', () => {
    const items = parseItemsFile(
      'jsonl',
      [
        JSON.stringify({ question: 'Where is my order?', answer: 'On the Orders page', topic: 'orders' }),
        '',
        JSON.stringify({
          input: { query: 'And the refund?', history: [{ role: 'user', content: 'I returned it' }] },
        }),
        JSON.stringify({
          id: 'x-1',
          prompt: 'Plans?',
          expected: { plans: 3 },
          context: 'Three plans.',
          assertions: [{ type: 'contains', value: 'Pro' }],
        }),
      ].join('\n'),
    )
    expect(items).toEqual([
      { input: 'Where is my order?', expected: 'On the Orders page', metadata: { topic: 'orders' } },
      { input: { query: 'And the refund?', history: [{ role: 'user', content: 'I returned it' }] } },
      {
        id: 'x-1',
        input: 'Plans?',
        expected: { plans: 3 },
        context: ['Three plans.'],
        assertions: [{ type: 'contains', value: 'Pro' }],
      },
    ])
  })

  it('reads CSV with a header, prompt variables from var.* columns and the rest as metadata', () => {
    const items = parseItemsFile(
      'csv',
      'id,query,expected_output,var.tone,category\nq1,How long is shipping?,3–5 business days,friendly,shipping\nq2,"Reset my password, please",,,\n',
    )
    expect(items).toEqual([
      {
        id: 'q1',
        input: { query: 'How long is shipping?', variables: { tone: 'friendly' } },
        expected: '3–5 business days',
        metadata: { category: 'shipping' },
      },
      { id: 'q2', input: 'Reset my password, please' },
    ])
  })

  it('names the line and the field of a bad record', () => {
    const bad = () =>
      parseItemsFile(
        'jsonl',
        `${JSON.stringify({ query: 'ok' })}\n${JSON.stringify({ expected: 'no input' })}`,
      )
    expect(bad).toThrow(ServiceError)
    expect(bad).toThrow(/content: line 2: input/)
    expect(() => parseItemsFile('jsonl', '{"query": "a"}\n{oops')).toThrow(/line 2: not JSON/)
    expect(() => parseItemsFile('csv', 'name,answer\nx,y')).toThrow(/header needs an input column/)
    expect(() =>
      parseItemsFile('jsonl', JSON.stringify({ query: 'q', assertions: [{ type: 'regex', pattern: '(' }] })),
    ).toThrow(/line 1: assertions\.0\.pattern/)
  })
})
