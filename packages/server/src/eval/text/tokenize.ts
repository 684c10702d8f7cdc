/**
 * Word tokenizer shared by every heuristic evaluator.
 *
 * A word is a run of letters or digits, optionally joined by an apostrophe to more letters, so
 * "don't" and "customer's" stay one token. Typographic apostrophes are folded to ASCII first so the
 * stop-word list and the sentiment lexicon see one spelling.
 */
const LETTER_RE = /^\p{L}$/u

function isLetterAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return LETTER_RE.test(text[i]!)
}

/**
 * One distinct word. Words are interned: the same word in any text is the same Word, created once.
 * Support traffic reuses a small vocabulary, so this spares allocating a copy of every word of
 * every text, and lets the text utilities memoize what they learn about a word on the Word itself
 * (its content term, its sentiment valence, its toxicity verdict) instead of looking it up in a
 * Map for every occurrence. The memo fields belong to the modules named in their comments.
 */
export class Word {
  readonly lower: string
  /** analysis.ts: the content term, or null for stop words. */
  term?: string | null
  /** vader.ts: VADER valence of `lower`, or null when it is not in the lexicon. */
  vader?: number | null
  /** vader.ts: ALL CAPS in the sense of Python's str.isupper(). */
  upper?: boolean
  /** toxic-terms.ts: the matcher's verdict on `lower`. */
  toxic?: unknown
  /** evaluators/coherence-checks.ts: word-shape verdict on `text`. */
  shape?: number
  /** evaluators/coherence-checks.ts: hash of `lower` for the repetition check. */
  lowerHash?: number
  /** evaluators/refusal.ts: whether `lower` can be (or start) part of a refusal phrase. */
  refusalHint?: number

  constructor(readonly text: string) {
    this.lower = text.toLowerCase()
  }
}

/** Bounded: when the table fills up it starts afresh (memos are recomputed as words recur). */
const INTERN_SLOTS = 1 << 16
const INTERN_MAX_WORDS = (INTERN_SLOTS * 3) >> 2
let internWords: (Word | undefined)[] = new Array(INTERN_SLOTS)
let internHashes = new Int32Array(INTERN_SLOTS)
let internCount = 0

function intern(text: string, start: number, end: number, hash: number): Word {
  let slot = hash & (INTERN_SLOTS - 1)
  for (;;) {
    const w = internWords[slot]
    if (w === undefined) break
    if (internHashes[slot] === hash && w.text.length === end - start && text.startsWith(w.text, start))
      return w
    slot = (slot + 1) & (INTERN_SLOTS - 1)
  }
  if (internCount >= INTERN_MAX_WORDS) {
    internWords = new Array(INTERN_SLOTS)
    internHashes = new Int32Array(INTERN_SLOTS)
    internCount = 0
    return intern(text, start, end, hash)
  }
  const w = new Word(text.slice(start, end))
  internWords[slot] = w
  internHashes[slot] = hash
  internCount++
  return w
}

/**
 * The words of `text` in order (with their offsets when `starts`/`ends` are given): the matches
 * of /[\p{L}\p{N}]+(?:['’]\p{L}+)*\/u, found with a character loop (ASCII fast path) because this
 * runs on every evaluated text. Typographic apostrophes are folded to ASCII.
 */
export function wordList(text: string, starts?: number[], ends?: number[]): Word[] {
  const out: Word[] = []
  const n = text.length
  let i = 0
  while (i < n) {
    let c = text.charCodeAt(i)
    if (!(c < 128 ? isAsciiWordCode(c) : LETTER_OR_DIGIT_RE.test(text[i]!))) {
      i++
      continue
    }
    const start = i
    let curly = false
    let hash = 0x811c9dc5
    for (;;) {
      hash = Math.imul(hash ^ c, 16777619)
      c = text.charCodeAt(++i)
      if (c < 128 ? isAsciiWordCode(c) : i < n && LETTER_OR_DIGIT_RE.test(text[i]!)) continue
      // An apostrophe followed by a letter keeps "don't" and "customer's" one word.
      if ((c === 39 || c === 0x2019) && i + 1 < n && isLetterAt(text, i + 1)) {
        if (c === 0x2019) curly = true
        hash = Math.imul(hash ^ c, 16777619)
        c = text.charCodeAt(++i)
        continue
      }
      break
    }
    out.push(curly ? new Word(text.slice(start, i).replaceAll('’', "'")) : intern(text, start, i, hash))
    starts?.push(start)
    ends?.push(i)
  }
  return out
}

const isAsciiWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)

/** Words in their original case, in text order. */
export function words(text: string): string[] {
  return wordList(text).map((w) => w.text)
}

const LETTER_OR_DIGIT_RE = /[\p{L}\p{N}]/u

function isWordChar(text: string, i: number): boolean {
  const c = text.charCodeAt(i)
  if (c < 128) return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return LETTER_OR_DIGIT_RE.test(text[i]!)
}

/** Number of words in `text` as `words` would split it, without building the list. */
export function countWords(text: string): number {
  let n = 0
  let inWord = false
  for (let i = 0; i < text.length; i++) {
    if (isWordChar(text, i)) {
      if (!inWord) n++
      inWord = true
    } else {
      const c = text[i]
      // An apostrophe followed by a letter keeps "don't" one word.
      inWord = inWord && (c === "'" || c === '’') && i + 1 < text.length && isLetterAt(text, i + 1)
    }
  }
  return n
}
