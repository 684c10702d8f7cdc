import { describe, expect, it } from 'vitest'
import { resolutionOf } from './analyze.js'
import { detectStage } from './stages.js'

describe('detectStage', () => {
  const stage = (q: string, r: string, i = 1, n = 4) => detectStage(q, r, i, n).stage

  it('names each stage of a support conversation', () => {
    expect(stage('Hi there!', 'Hello! How can I help you today?', 0)).toBe('greeting')
    expect(stage('My order never arrived', 'Sorry about that. Could you provide your order number?')).toBe(
      'information_gathering',
    )
    expect(stage('It is 1234', 'Order 1234 was delayed at the depot; it arrives Friday.')).toBe(
      'problem_solving',
    )
    expect(stage('No, I meant the other order', 'Understood, checking order 1235.')).toBe('clarification')
    expect(stage('Please cancel it', 'I have cancelled order 1235 and issued a refund.')).toBe('resolution')
    expect(stage('Thanks, bye!', 'You are welcome. Goodbye!', 3)).toBe('farewell')
  })

  it('does not take a long first question that starts with hello for a greeting', () => {
    expect(stage('Hello, my invoice from March shows a charge I do not recognise', 'Let me look.', 0)).toBe(
      'problem_solving',
    )
  })
})

describe('resolutionOf', () => {
  it('prefers what the chatbot reported, then the stages', () => {
    expect(resolutionOf({ resolved: false }, [{ stage: 'resolution', status: 'ok' }])).toMatchObject({
      resolved: false,
      source: 'reported',
    })
    expect(
      resolutionOf({ resolved: null }, [
        { stage: 'problem_solving', status: 'ok' },
        { stage: 'resolution', status: 'ok' },
      ]),
    ).toMatchObject({ resolved: true, source: 'inferred' })
    expect(
      resolutionOf({ resolved: null }, [{ stage: 'information_gathering', status: 'ok' }]),
    ).toMatchObject({ resolved: false, source: 'inferred' })
    expect(resolutionOf({ resolved: null }, [{ stage: 'problem_solving', status: 'ok' }])).toMatchObject({
      resolved: null,
      source: 'unknown',
    })
  })
})
