import { describe, expect, it } from 'vitest'
import { scoreCoherence } from './coherence.js'

const value = (text: string) => scoreCoherence(text).value!
const issues = (text: string) => Object.keys((scoreCoherence(text).details as { issues: object }).issues)

describe('scoreCoherence', () => {
  it('gives well-formed prose, lists and code full marks', () => {
    expect(value('Open Settings. Choose Security, then enable two-factor authentication.')).toBe(1)
    expect(value('Do this:\n\n1. Open the app\n2. Tap Settings\n\nDone!')).toBe(1)
    expect(value('Run this:\n\n```sh\nnpm install\n```\n\nThen restart the server.')).toBe(1)
    expect(value('No, the store is closed on Sundays.')).toBe(1)
  })

  it('punishes repeated sentences and loops hard', () => {
    expect(value('Click the link. Click the link. Click the link. Click the link.')).toBeLessThan(0.2)
    expect(value('yes we ship yes we ship yes we ship yes we ship yes we ship yes we ship')).toBeLessThan(0.2)
    expect(issues('Add the the member to the team.')).toContain('stutter')
  })

  it('detects truncation, including an unclosed bracket or code fence', () => {
    expect(issues('Start the return from Orders and print the')).toContain('truncated')
    expect(value('Start the return from Orders and print the')).toBeLessThan(0.6)
    expect(issues('The fields are {"days": [3, 5], "note": ')).toContain('truncated')
    expect(issues('Run:\n```\nnpm inst')).toContain('truncated')
  })

  it('detects garbled and telegraphic text', () => {
    expect(value('asdkjh qwe zxcvbn lkjhg poiuy trewq mnbvc sdfgh')).toBeLessThan(0.3)
    expect(issues('We accept cards. ThE cArD mUsT bE vAlId.')).toContain('garbled_words')
  })

  it('does not count acronyms or URLs as garbled', () => {
    expect(
      value('Download the PDF or ZIP from https://help.example.com/xyz/qwrt for the SSO and VAT details.'),
    ).toBe(1)
  })

  it('detects fragments, lower-case starts and run-on sentences', () => {
    expect(issues('charged twice. bank hold. wait. maybe. refund later.')).toEqual(
      expect.arrayContaining(['fragments', 'capitalisation']),
    )
    const runOn = `To change it ${'go to the page and click the button and then '.repeat(6)}save.`
    expect(issues(runOn)).toContain('run_on')
  })

  it('scores an empty response 0 and explains itself', () => {
    expect(scoreCoherence('   ').value).toBe(0)
    expect(scoreCoherence('Click the link. Click the link.').comment).toContain('repeated')
  })
})
