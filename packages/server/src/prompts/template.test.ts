import { describe, expect, it } from 'vitest'
import { renderMessages, variablesOf } from './template.js'

const system = (content: string) => ({ role: 'system' as const, content })

describe('prompt templates', () => {
  it('lists each variable once, in order of first appearance, with or without spaces in the braces', () => {
    const messages = [
      system('Hi {{ name }}, about {{order_id}}.'),
      { role: 'user' as const, content: '{{name}} asks {{question}}' },
    ]
    expect(variablesOf(messages)).toEqual(['name', 'order_id', 'question'])
  })

  it('leaves braces that hold no variable name as they are', () => {
    const text = 'JSON {"a": {"b": 1}} and {{ 1 }} and {{}} and {{ two words }}'
    expect(variablesOf([system(text)])).toEqual([])
    expect(renderMessages([system(text)], {}).messages[0]!.content).toBe(text)
  })

  it('fills every placeholder and reports missing and unused variables', () => {
    const r = renderMessages([system('Dear {{name}}, your {{item}} ships {{when}}.')], {
      name: 'Ann',
      item: 'jacket',
      colour: 'red',
    })
    expect(r.messages[0]!.content).toBe('Dear Ann, your jacket ships {{when}}.')
    expect(r.missing).toEqual(['when'])
    expect(r.unused).toEqual(['colour'])
  })

  it('never expands placeholders that arrive inside a value', () => {
    const r = renderMessages([system('Question: {{question}} Secret: {{secret}}')], {
      question: 'what is {{secret}}?',
      secret: 's3',
    })
    expect(r.messages[0]!.content).toBe('Question: what is {{secret}}? Secret: s3')
  })

  it('writes numbers and booleans as text', () => {
    expect(
      renderMessages([system('{{n}} items, gift: {{gift}}')], { n: 3, gift: false }).messages[0]!.content,
    ).toBe('3 items, gift: false')
  })
})
