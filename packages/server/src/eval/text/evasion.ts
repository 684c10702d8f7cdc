import { analyze } from './analysis.js'
import { CLAUSE_END } from './chunks.js'
import type { Word } from './tokenize.js'

/**
 * Normalisation that undoes the usual ways people dodge word filters: leetspeak ("1d10t", "sh!t"),
 * masking ("f*ck"), elongation ("stuuupid"), punctuation inside words ("f.u.c.k") and spacing
 * ("i d i o t", handled by the matcher on single-letter tokens).
 */
const LEET: Readonly<Record<string, string>> = {
  '0': 'o',
  '1': 'i',
  '3': 'e',
  '4': 'a',
  '5': 's',
  '7': 't',
  '8': 'b',
  '9': 'g',
  '@': 'a',
  $: 's',
  '!': 'i',
  '|': 'l',
  '+': 't',
  '€': 'e',
}
const LEET_CHARS_RE = /[01345789@$!|+€]/
const HAS_LETTER_RE = /\p{L}/u

/** Leetspeak to letters; `oneAsL` reads "1" as "l" instead of "i". Null if nothing changed. */
export function unleet(token: string, oneAsL = false): string | null {
  if (!LEET_CHARS_RE.test(token) || !HAS_LETTER_RE.test(token)) return null
  let out = ''
  for (const c of token) out += c === '1' && oneAsL ? 'l' : (LEET[c] ?? c)
  return out === token ? null : out
}

/** Collapses every run of a repeated letter to one letter: "stuuupid" → "stupid", "asshole" → "ashole". */
export function squeeze(token: string): string {
  let out = ''
  for (let i = 0; i < token.length; i++) if (token[i] !== token[i - 1]) out += token[i]
  return out
}

/** True when a letter repeats three or more times in a row, a sign of deliberate elongation. */
export function isElongated(token: string): boolean {
  return /(\p{L})\1\1/u.test(token)
}

const MASK_CHARS_RE = /[*#_]/

/** Whether `masked` ("f*ck", "s**t") could be `word`: same length, equal where not masked. */
export function matchesMask(masked: string, word: string): boolean {
  if (masked.length !== word.length) return false
  let known = 0
  for (let i = 0; i < masked.length; i++) {
    const c = masked[i]!
    if (MASK_CHARS_RE.test(c)) continue
    if (c !== word[i]) return false
    known++
  }
  return known >= 1 && known < masked.length
}

export function isMasked(token: string): boolean {
  return MASK_CHARS_RE.test(token) && HAS_LETTER_RE.test(token)
}

const INFLECTIONS = ['ing', 'ers', 'er', 'ed', 'es', 's', 'y'] as const

/** Candidate base forms of an inflected word, most specific first: "idiots" → ["idiot"]. */
export function baseForms(token: string): string[] {
  const out: string[] = []
  for (const suffix of INFLECTIONS) {
    if (token.length - suffix.length < 3 || !token.endsWith(suffix)) continue
    const stem = token.slice(0, -suffix.length)
    out.push(stem)
    // Doubled final consonant: "shitty" → "shitt" → "shit"; "fucker" already fine.
    if (stem.length > 3 && stem.at(-1) === stem.at(-2)) out.push(stem.slice(0, -1))
    if (suffix === 'ing' || suffix === 'ed' || suffix === 'er') out.push(`${stem}e`)
  }
  return out
}

const EDGE_PUNCT_RE = /^[^\p{L}\p{N}@$*#]+|[^\p{L}\p{N}*#$]+$/gu
/** Links and e-mail addresses (checked without edge punctuation, so "dumb@ss." is not one). */
const URLISH_RE = /:\/\/|^www\.|@[^@\s]*\.[a-z]{2,}$/i

export type EvasionTokens = {
  tokens: string[]
  /** The interned word behind each token, when the token is a plain word (for memoized lookups). */
  words: (Word | null)[]
  /** The token stands alone between punctuation (", moron."), as vocatives and exclamations do. */
  standalone: boolean[]
}

/**
 * Splits raw text into normalised lower-case tokens: whitespace-separated chunks, edge punctuation
 * removed, Markdown emphasis removed, letters separated by dots or dashes joined ("f.u.c.k"), other
 * hyphenated or slashed chunks split. URLs and e-mail addresses are dropped.
 */
export function evasionTokens(text: string): EvasionTokens {
  const a = analyze(text)
  const c = a.chunks
  const tokens: string[] = []
  const words: (Word | null)[] = []
  const standalone: boolean[] = []
  const list = a.wordList
  let boundaryBefore = true
  for (let j = 0; j < c.count; j++) {
    const w = c.word[j]!
    const clauseEnd = (c.flags[j]! & CLAUSE_END) !== 0
    if (w >= 0) {
      // A plain word: reuse the shared lower-case token (already hashed by other evaluators).
      tokens.push(list[w]!.lower)
      words.push(list[w]!)
      standalone.push(boundaryBefore && clauseEnd)
      boundaryBefore = clauseEnd
    } else {
      boundaryBefore = slowChunk(c.raw.get(j)!.toLowerCase(), boundaryBefore, tokens, standalone)
      while (words.length < tokens.length) words.push(null)
    }
  }
  return { tokens, words, standalone }
}

/** Chunks with digits, symbols or inner punctuation: returns whether the chunk ended a clause. */
function slowChunk(chunk: string, boundaryBefore: boolean, tokens: string[], standalone: boolean[]): boolean {
  const boundaryAfter = /[,;:.!?]$/.test(chunk)
  let t = chunk.replace(EDGE_PUNCT_RE, '')
  if (URLISH_RE.test(t)) return boundaryBefore
  if (/^[*_]/.test(t)) t = t.replace(/^[*_]+|[*_]+$/g, '')
  if (t !== '') {
    const parts = t.split(/[.\-/]+/).filter(Boolean)
    const pieces =
      parts.length > 1 && parts.every((p) => p.length === 1)
        ? [parts.join('')]
        : parts.length > 1 && /[-/]/.test(t)
          ? parts
          : [t]
    for (const p of pieces) {
      tokens.push(p)
      standalone.push(boundaryBefore && boundaryAfter && pieces.length === 1)
    }
  }
  return boundaryAfter
}
