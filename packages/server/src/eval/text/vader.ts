import { analyze } from './analysis.js'
import { IN_CODE, SENTENCE_END } from './chunks.js'
import { BOOSTERS, IDIOMS, NEGATIONS, VADER_LEXICON } from './vader-lexicon.js'

/**
 * VADER sentiment (Hutto & Gilbert 2014), following the reference Python implementation 3.3.2:
 * lexicon valence, boosters and dampeners, ALL-CAPS emphasis, negation within three words,
 * "no" as a negator, "least", idioms, the contrastive "but", and ! / ? emphasis.
 * Two deliberate departures: "but" is scoped to its sentence, or to the previous one too when a
 * sentence opens with it (the reference lets a "but" anywhere halve everything before it, so one
 * contrast in the last paragraph rewrites a whole answer), and the reference's "so"/"this" booster
 * bug at distance three (it fires without the preceding "never") is not reproduced. Negation looks
 * back three words within the sentence; sentences end at . ! ? … or a line break.
 */
const C_INCR = 0.733
const N_SCALAR = -0.74
const NORMALIZE_ALPHA = 15
const PUNCT_RE = /^[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]+|[!"#$%&'()*+,\-./:;<=>?@[\\\]^_`{|}~]+$/g

export type Polarity = {
  /** Normalised sum of valences in -1..1. */
  compound: number
  pos: number
  neg: number
  neu: number
  /** Words that carried sentiment, with their final valence. */
  contributions: { word: string; valence: number }[]
}

/** Python's str.isupper(): at least one cased letter and no lower-case one. */
function isUpper(w: string): boolean {
  let upper = false
  for (let i = 0; i < w.length; i++) {
    const c = w.charCodeAt(i)
    if (c >= 97 && c <= 122) return false
    if (c >= 65 && c <= 90) upper = true
    else if (c >= 128) return /\p{Lu}/u.test(w) && !/\p{Ll}/u.test(w)
  }
  return upper
}

/** VADER's token for a chunk: surrounding punctuation stripped, unless that leaves an emoticon's stub. */
function vaderToken(raw: string): string {
  const chunk = raw.includes('’') ? raw.replaceAll('’', "'") : raw
  const stripped = chunk.replace(PUNCT_RE, '')
  return stripped.length > 2 || (stripped.length === 2 && /^\p{L}+$/u.test(stripped)) ? stripped : chunk
}

/** Per sentence: tokens, their lower-case forms, lexicon valences (null: not in the lexicon), results. */
type SentenceValences = { tokens: string[]; lower: string[]; base: (number | null)[]; v: number[] }

/**
 * Tokens are VADER's: whitespace-separated chunks with surrounding punctuation stripped (a plain
 * word reuses the text's shared word token). Sentences end at . ! ? … or a line break; fenced code
 * is skipped.
 */
function sentencesOf(text: string): { sentences: SentenceValences[]; total: number; upper: number } {
  const a = analyze(text)
  const c = a.chunks
  const sentences: SentenceValences[] = []
  let current: SentenceValences = { tokens: [], lower: [], base: [], v: [] }
  const list = a.wordList
  let total = 0
  let upper = 0
  for (let j = 0; j < c.count; j++) {
    const flags = c.flags[j]!
    if (!(flags & IN_CODE)) {
      const w = c.word[j]!
      if (w >= 0) {
        // A plain word: its lexicon valence is memoized on the interned word.
        const word = list[w]!
        if (word.vader === undefined) {
          word.vader = VADER_LEXICON.get(word.lower) ?? null
          word.upper = isUpper(word.text)
        }
        current.tokens.push(word.text)
        current.lower.push(word.lower)
        current.base.push(word.vader)
        if (word.upper) upper++
      } else {
        const token = vaderToken(c.raw.get(j)!)
        const lower = token.toLowerCase()
        current.tokens.push(token)
        current.lower.push(lower)
        current.base.push(VADER_LEXICON.get(lower) ?? null)
        if (isUpper(token)) upper++
      }
      total++
    }
    if ((flags & SENTENCE_END || j === c.count - 1) && current.tokens.length > 0) {
      sentences.push(current)
      current = { tokens: [], lower: [], base: [], v: [] }
    }
  }
  return { sentences, total, upper }
}

export function polarityScores(text: string): Polarity {
  const { sentences: perSentence, total, upper } = sentencesOf(text)
  const capDiff = upper > 0 && upper < total
  for (const s of perSentence) {
    for (let i = 0; i < s.tokens.length; i++) s.v.push(s.base[i] === null ? 0 : valence(s, i, capDiff))
  }
  for (let k = 0; k < perSentence.length; k++) {
    const { lower, v } = perSentence[k]!
    const but = lower.indexOf('but')
    if (but < 0) continue
    for (let i = 0; i < v.length; i++) v[i] = v[i]! * (i < but ? 0.5 : i > but ? 1.5 : 1)
    const previous = perSentence[k - 1]
    if (but === 0 && previous)
      for (let i = 0; i < previous.v.length; i++) previous.v[i] = previous.v[i]! * 0.5
  }
  const contributions: Polarity['contributions'] = []
  for (const { tokens, v } of perSentence) {
    for (let i = 0; i < v.length; i++)
      if (v[i] !== 0) contributions.push({ word: tokens[i]!, valence: v[i]! })
  }
  return summarize(perSentence, text, contributions)
}

function valence({ tokens, lower, base: lexicon }: SentenceValences, i: number, capDiff: boolean): number {
  const base = lexicon[i]
  if (base === null || base === undefined) return 0
  const w = lower[i]!
  if (BOOSTERS.has(w) || (w === 'kind' && lower[i + 1] === 'of')) return 0
  let v = base
  if (w === 'no' && i < lower.length - 1 && lexicon[i + 1] !== null) v = 0
  if (
    lower[i - 1] === 'no' ||
    lower[i - 2] === 'no' ||
    (lower[i - 3] === 'no' && /^(or|nor)$/.test(lower[i - 1]!))
  ) {
    v = base * N_SCALAR
  }
  if (isUpper(tokens[i]!) && capDiff) v += v > 0 ? C_INCR : -C_INCR
  for (let d = 0; d < 3; d++) {
    const j = i - d - 1
    if (j < 0 || lexicon[j] !== null) continue
    v += boost(tokens[j]!, v, capDiff) * (d === 1 ? 0.95 : d === 2 ? 0.9 : 1)
    v = negationCheck(v, lower, d, i)
    if (d === 2) v = idiomCheck(v, lower, i)
  }
  if (lower[i - 1] === 'least' && !(i > 1 && (lower[i - 2] === 'at' || lower[i - 2] === 'very')))
    v *= N_SCALAR
  return v
}

function boost(word: string, v: number, capDiff: boolean): number {
  let s = BOOSTERS.get(word.toLowerCase()) ?? 0
  if (s === 0) return 0
  if (v < 0) s = -s
  if (isUpper(word) && capDiff) s += v > 0 ? C_INCR : -C_INCR
  return s
}

const isNegation = (w: string) => NEGATIONS.has(w) || w.includes("n't")

function neverSoThis(lower: string[], at: number): boolean {
  const next = lower[at + 1]
  return lower[at] === 'never' && (next === 'so' || next === 'this')
}

function negationCheck(v: number, lower: string[], d: number, i: number): number {
  if (d >= 1 && neverSoThis(lower, i - d - 1)) return v * 1.25
  if (d >= 1 && lower[i - d - 1] === 'without' && lower[i - d] === 'doubt') return v
  return isNegation(lower[i - d - 1]!) ? v * N_SCALAR : v
}

/** Every idiom and two-word booster contains one of these words; most windows contain none. */
const IDIOM_MARKERS = new Set([
  'shit',
  'bomb',
  'ass',
  'bus',
  'yeah',
  'death',
  'die',
  'heart',
  'kind',
  'sort',
  'enough',
])

function idiomCheck(v: number, lower: string[], i: number): number {
  let marked = false
  for (let k = Math.max(0, i - 3); k <= i + 2 && k < lower.length; k++)
    if (IDIOM_MARKERS.has(lower[k]!)) marked = true
  if (!marked) return v
  const w3 = lower[i - 3] ?? ''
  const w2 = lower[i - 2] ?? ''
  const w1 = lower[i - 1] ?? ''
  const w0 = lower[i] ?? ''
  const preceding = [`${w1} ${w0}`, `${w2} ${w1} ${w0}`, `${w2} ${w1}`, `${w3} ${w2} ${w1}`, `${w3} ${w2}`]
  for (const seq of preceding) {
    const idiom = IDIOMS.get(seq)
    if (idiom !== undefined) {
      v = idiom
      break
    }
  }
  const n1 = lower[i + 1] ?? ''
  v = IDIOMS.get(`${w0} ${n1}`) ?? v
  v = IDIOMS.get(`${w0} ${n1} ${lower[i + 2] ?? ''}`) ?? v
  for (const seq of [`${w3} ${w2} ${w1}`, `${w3} ${w2}`, `${w2} ${w1}`]) v += BOOSTERS.get(seq) ?? 0
  return v
}

function countChar(text: string, ch: string, max: number): number {
  let n = 0
  for (let i = text.indexOf(ch); i >= 0 && n < max; i = text.indexOf(ch, i + 1)) n++
  return n
}

function punctuationEmphasis(text: string): number {
  // Counting stops where the emphasis stops growing: 4 "!", 4 "?".
  const ep = countChar(text, '!', 4)
  const qm = countChar(text, '?', 4)
  return ep * 0.292 + (qm > 1 ? (qm <= 3 ? qm * 0.18 : 0.96) : 0)
}

function summarize(
  sentences: SentenceValences[],
  text: string,
  contributions: Polarity['contributions'],
): Polarity {
  let count = 0
  let sum = 0
  for (const s of sentences) {
    for (const v of s.v) sum += v
    count += s.v.length
  }
  if (count === 0) return { compound: 0, pos: 0, neg: 0, neu: 0, contributions }
  const emphasis = punctuationEmphasis(text)
  if (sum > 0) sum += emphasis
  else if (sum < 0) sum -= emphasis
  const compound = Math.max(-1, Math.min(1, sum / Math.sqrt(sum * sum + NORMALIZE_ALPHA)))
  let pos = 0
  let neg = 0
  let neu = 0
  for (const s of sentences) {
    for (const v of s.v) {
      if (v > 0) pos += v + 1
      else if (v < 0) neg += v - 1
      else neu++
    }
  }
  if (pos > -neg) pos += emphasis
  else if (pos < -neg) neg -= emphasis
  const total = pos - neg + neu
  return { compound, pos: pos / total, neg: -neg / total, neu: neu / total, contributions }
}
