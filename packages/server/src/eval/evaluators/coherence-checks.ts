import type { Sentence } from '../text/sentences.js'
import { type Word, wordList } from '../text/tokenize.js'
import { clamp01 } from './shared.js'

/**
 * Each check returns a factor in 0..1 (1 = no problem); coherence is their product, so one severe
 * problem is enough to sink the score and several mild ones add up. Thresholds come from what
 * ordinary support prose looks like: 35-55 % function words, sentences of 8-25 words, almost no
 * repeated trigrams.
 */
export type Issue = { name: string; factor: number; note: string }

const VOWEL_RE = /[aeiouy]/i
const CONSONANT_RUN_RE = /[bcdfghjklmnpqrstvwxz]{5,}/i
const DANGLING_WORDS = new Set(
  'the a an and or but to of with for in on at by from your my our their its is are was that which because if then so as'.split(
    ' ',
  ),
)
const URL_OR_EMAIL_RE = /\b(?:https?:\/\/|www\.)\S+|\S+@\S+\.\S+/g

const TRAILING_PUNCT_RE = /[\s.!?…:;,"')\]]+$/

export function repeatedSentences(sentences: readonly Sentence[]): Issue | null {
  // Only sentences of equal length can repeat each other; most answers have none.
  const lengths = new Set<number>()
  let sameLength = false
  for (const s of sentences) {
    if (lengths.has(s.text.length)) sameLength = true
    lengths.add(s.text.length)
  }
  if (!sameLength) return null
  const multiWord: string[] = []
  for (const s of sentences) {
    const key = s.text.toLowerCase().replace(TRAILING_PUNCT_RE, '')
    if (key.includes(' ')) multiWord.push(key)
  }
  const unique = new Set(multiWord).size
  if (multiWord.length < 2 || unique === multiWord.length) return null
  const factor = (unique / multiWord.length) ** 1.5
  return { name: 'repeated_sentences', factor, note: `${multiWord.length - unique} repeated sentences` }
}

let trigramTable = new Float64Array(1024)

/** 26-bit FNV-1a of a word, so a trigram key (three of them mixed) stays an exact double. */
function wordHash(w: string): number {
  let h = 0x811c9dc5
  for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619)
  return (h >>> 6) & 0x3ffffff
}

function lowerHash(w: Word): number {
  if (w.lowerHash === undefined) w.lowerHash = wordHash(w.lower)
  return w.lowerHash
}

/** Share of trigrams seen earlier in the text; loops ("yes we ship yes we ship …") score high. */
export function repeatedTrigrams(lower: readonly Word[]): Issue | null {
  if (lower.length < 12) return null
  // Trigrams as numbers in an open-addressing table reused between calls (evaluation is
  // synchronous): no string building, no Set, nothing for the collector. Two different trigrams
  // share a key only if their mixed 52-bit hashes collide, which is negligible at text sizes.
  let size = 1024
  while (size < lower.length * 4) size *= 2
  if (trigramTable.length !== size) trigramTable = new Float64Array(size)
  else trigramTable.fill(0)
  let h2 = lowerHash(lower[0]!)
  let h1 = lowerHash(lower[1]!)
  let repeats = 0
  for (let i = 2; i < lower.length; i++) {
    const h0 = lowerHash(lower[i]!)
    const mixed = (Math.imul(h2, 0x9e3779b1) ^ Math.imul(h1, 0x85ebca6b) ^ h0) >>> 0
    const key = (h0 & 0xfffff) * 4294967296 + mixed + 1
    let slot = mixed & (size - 1)
    for (;;) {
      const k = trigramTable[slot]!
      if (k === 0) {
        trigramTable[slot] = key
        break
      }
      if (k === key) {
        repeats++
        break
      }
      slot = (slot + 1) & (size - 1)
    }
    h2 = h1
    h1 = h0
  }
  const share = repeats / (lower.length - 2)
  if (share <= 0.2) return null
  return {
    name: 'looping',
    factor: clamp01(1 - (share - 0.2) * 2),
    note: `${Math.round(share * 100)}% repeated trigrams`,
  }
}

export function stutter(words: readonly Word[]): Issue | null {
  let count = 0
  for (let i = 1; i < words.length; i++) {
    if (words[i]!.lower === words[i - 1]!.lower && !/\d/.test(words[i]!.lower)) count++
  }
  return count === 0 ? null : { name: 'stutter', factor: 0.85 ** count, note: `${count} doubled words` }
}

const SKIP = 0
const FINE = 1
const GARBLED = 2

/**
 * SKIP for tokens not judged (short, numeric, acronyms), GARBLED for vowel-less or
 * consonant-cluster soup ("sdfgh") and rAnDoM case ("cArD"), FINE otherwise.
 */
function tokenVerdict(w: string): number {
  if (w.length < 2 || /\d/.test(w) || w === w.toUpperCase()) return SKIP
  const lowerToUpper = (w.match(/\p{Ll}\p{Lu}/gu) ?? []).length
  const randomCase = lowerToUpper >= 2 || (lowerToUpper === 1 && /\p{Ll}\p{Lu}$/u.test(w) && w.length <= 4)
  return randomCase || (w.length >= 3 && (!VOWEL_RE.test(w) || CONSONANT_RUN_RE.test(w))) ? GARBLED : FINE
}

/** Keyboard mashing, vowel-less abbreviation soup and rAnDoM case. Acronyms and URLs are exempt. */
export function garbledTokens(text: string, words: readonly Word[]): Issue | null {
  const hasLinks = text.includes('@') || text.includes('://') || text.includes('www.')
  let total = 0
  let garbled = 0
  const count = (v: number) => {
    if (v === SKIP) return
    total++
    if (v === GARBLED) garbled++
  }
  // The verdict depends only on the word, so it is memoized on the interned word.
  const verdict = (w: Word) => {
    if (w.shape === undefined) w.shape = tokenVerdict(w.text)
    return w.shape
  }
  for (const w of words) count(verdict(w))
  if (hasLinks) {
    // Take back the words inside URLs and e-mail addresses ("https", "www" are not garbling).
    for (const m of text.matchAll(URL_OR_EMAIL_RE)) {
      for (const w of wordList(m[0])) {
        const v = verdict(w)
        if (v === SKIP) continue
        total--
        if (v === GARBLED) garbled--
      }
    }
  }
  const share = total === 0 ? 0 : garbled / total
  if (share <= 0.15) return null
  return {
    name: 'garbled_words',
    factor: clamp01(1 - (share - 0.1) * 2.5),
    note: `${garbled} of ${total} words look garbled`,
  }
}

/** Terse imperatives ("Open Settings. Choose Security.") are fine; only longer texts are judged. */
const TELEGRAPHIC_MIN_WORDS = 15

/**
 * Share of function words: the words that are not content terms (stop words, one-letter tokens),
 * which the analysis has already classified when it computed `terms` (`contentTerms` = their count).
 */
export function fewFunctionWords(words: readonly Word[], contentTerms: number): Issue | null {
  if (words.length < TELEGRAPHIC_MIN_WORDS) return null
  const share = (words.length - contentTerms) / words.length
  if (share >= 0.15) return null
  return {
    name: 'telegraphic',
    factor: 0.5 + share * 3.3,
    note: `${Math.round(share * 100)}% function words`,
  }
}

const FIRST_WORD_RE = /\p{L}[\p{L}']*/u

export function lowercaseStarts(prose: readonly Sentence[]): Issue | null {
  let counted = 0
  let lower = 0
  for (const s of prose) {
    const c = s.text.charCodeAt(0)
    // Fast path for the common case: an ASCII capital first.
    if (c >= 65 && c <= 90) {
      counted++
      continue
    }
    const w = FIRST_WORD_RE.exec(s.text)?.[0]
    if (w === undefined) continue
    counted++
    if (/^\p{Ll}/u.test(w) && !/\p{Lu}/u.test(w)) lower++
  }
  if (lower === 0 || counted === 0) return null
  return {
    name: 'capitalisation',
    factor: 1 - 0.5 * (lower / counted),
    note: `${lower} of ${counted} sentences start in lower case`,
  }
}

function countOf(text: string, ch: string): number {
  let n = 0
  for (let i = text.indexOf(ch); i >= 0; i = text.indexOf(ch, i + 1)) n++
  return n
}

export function truncation(text: string, last: Sentence | undefined, unclosedFence: boolean): Issue | null {
  if (unclosedFence) return { name: 'truncated', factor: 0.6, note: 'unclosed code block' }
  if (
    countOf(text, '(') + countOf(text, '[') + countOf(text, '{') >
    countOf(text, ')') + countOf(text, ']') + countOf(text, '}')
  )
    return { name: 'truncated', factor: 0.6, note: 'unclosed bracket' }
  if (last?.kind !== 'prose') return null
  const trimmed = last.text.trimEnd()
  if (/[:,\-–]$/.test(trimmed))
    return { name: 'truncated', factor: 0.6, note: 'ends on a dangling punctuation mark' }
  if (last.terminated) return null
  const lastWord = /([\p{L}']+)\W*$/u.exec(trimmed)?.[1]?.toLowerCase() ?? ''
  if (DANGLING_WORDS.has(lastWord))
    return { name: 'truncated', factor: 0.45, note: `ends mid-sentence on "${lastWord}"` }
  return { name: 'unterminated', factor: 0.7, note: 'the last sentence has no closing punctuation' }
}

export function sentenceShape(prose: readonly Sentence[], lengths: readonly number[]): Issue[] {
  const issues: Issue[] = []
  let longFactor = 1
  for (const n of lengths) if (n > 45) longFactor *= Math.max(0.5, 1 - (n - 45) / 90)
  if (longFactor < 1)
    issues.push({ name: 'run_on', factor: longFactor, note: `sentence of ${Math.max(...lengths)} words` })
  if (prose.length >= 4) {
    const share = lengths.filter((n) => n <= 2).length / lengths.length
    if (share > 0.3)
      issues.push({
        name: 'fragments',
        factor: 1 - (share - 0.2),
        note: `${Math.round(share * 100)}% one- or two-word sentences`,
      })
  }
  const unterminated = prose.slice(0, -1).filter((s) => !s.terminated).length
  if (unterminated > 0)
    issues.push({
      name: 'missing_punctuation',
      factor: Math.max(0.6, 0.9 ** unterminated),
      note: `${unterminated} sentences without a full stop`,
    })
  return issues
}

export function punctuationRuns(text: string): Issue | null {
  const runs = (text.match(/[!?]{3,}/g) ?? []).length
  return runs === 0 ? null : { name: 'punctuation_runs', factor: 0.85 ** runs, note: `${runs} runs of !/?` }
}

export function coefficientOfVariation(values: readonly number[]): number {
  if (values.length < 2) return 0
  const mean = values.reduce((a, b) => a + b, 0) / values.length
  if (mean === 0) return 0
  const variance = values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length
  return Math.sqrt(variance) / mean
}
