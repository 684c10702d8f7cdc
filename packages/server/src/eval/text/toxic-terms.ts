import { baseForms, evasionTokens, isElongated, isMasked, matchesMask, squeeze, unleet } from './evasion.js'
import { type LexiconEntry, TOXICITY_LEXICON, type ToxicityLexicon } from './toxicity-lexicon.js'

export type EvasionForm = 'plain' | 'inflected' | 'leet' | 'masked' | 'elongated' | 'spaced' | 'embedded'
export type ToxicMatch = LexiconEntry & {
  /** What the text actually said. */
  found: string
  form: EvasionForm
  /** Token position in the normalised text, for context rules such as "aimed at the reader". */
  index: number
}
export type ToxicScan = { matches: ToxicMatch[]; tokens: string[]; standalone: boolean[] }
type WordHit = { entry: LexiconEntry; form: EvasionForm }
/** Everything the matcher needs to know about one token, cached: one lookup per token. */
type TokenInfo = { hit: WordHit | null; canonical: string; phraseStart: boolean }

const SPACED_MIN_LETTERS = 3
const WORD_CACHE_MAX_ENTRIES = 20_000
const wordCache = new Map<string, TokenInfo>()

/** Finds lexicon terms in `text`, seeing through the evasions listed in evasion.ts. */
export function findToxicTerms(text: string, lexicon: ToxicityLexicon = TOXICITY_LEXICON): ToxicScan {
  const { tokens, words, standalone } = evasionTokens(text)
  const canonical = new Array<string>(tokens.length)
  const phraseStarts: number[] = []
  const matches: ToxicMatch[] = []
  const covered = new Set<number>()
  let singles = 0

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!
    if (token.length === 1) singles++
    const word = lexicon === TOXICITY_LEXICON ? words[i] : null
    let info: TokenInfo
    if (word) {
      if (word.toxic === undefined) word.toxic = lookupWord(token, lexicon)
      info = word.toxic as TokenInfo
    } else info = lookupWord(token, lexicon)
    canonical[i] = info.canonical
    if (info.phraseStart) phraseStarts.push(i)
    if (info.hit) matches.push({ ...info.hit.entry, found: token, form: info.hit.form, index: i })
  }
  if (singles >= SPACED_MIN_LETTERS) {
    for (const m of spacedLetters(tokens, lexicon, canonical)) {
      matches.push(m)
      if (lexicon.phraseFirstWords.has(m.term)) phraseStarts.push(m.index)
    }
    phraseStarts.sort((a, b) => a - b)
  }

  for (const i of phraseStarts) {
    // Longest phrase starting here, walking the phrase trie word by word.
    let node = lexicon.phraseTrie
    let best: LexiconEntry | undefined
    let length = 0
    for (let k = i; k < canonical.length; k++) {
      const child = node.next.get(canonical[k]!)
      if (!child) break
      node = child
      if (node.entry) [best, length] = [node.entry, k - i + 1]
    }
    if (!best || length < 2) continue
    matches.push({ ...best, found: tokens.slice(i, i + length).join(' '), form: 'plain', index: i })
    for (let k = i; k < i + length; k++) covered.add(k)
  }
  // A word inside a matched phrase ("fuck" in "fuck off") is already weighed by the phrase.
  const kept = matches.filter((m) => !(m.term.indexOf(' ') < 0 && covered.has(m.index)))
  return { matches: kept, tokens, standalone }
}

function lookupWord(token: string, lexicon: ToxicityLexicon): TokenInfo {
  const cached = lexicon === TOXICITY_LEXICON ? wordCache.get(token) : undefined
  if (cached !== undefined) return cached
  const hit = resolve(token, lexicon)
  const canonical = hit ? hit.entry.term : token
  const info = { hit, canonical, phraseStart: lexicon.phraseFirstWords.has(canonical) }
  if (lexicon !== TOXICITY_LEXICON) return info
  if (wordCache.size >= WORD_CACHE_MAX_ENTRIES) wordCache.clear()
  wordCache.set(token, info)
  return info
}

function resolve(token: string, lexicon: ToxicityLexicon): WordHit | null {
  const plain = token.replaceAll("'", '')
  const direct = withInflections(plain, lexicon)
  if (direct) return direct
  for (const variant of [unleet(plain), unleet(plain, true)]) {
    if (!variant) continue
    const hit = withInflections(variant, lexicon) ?? elongated(variant, lexicon)
    if (hit) return { entry: hit.entry, form: 'leet' }
  }
  if (isMasked(plain)) {
    for (const form of [plain, ...baseForms(plain)]) {
      const candidates = lexicon.byLength.get(form.length) ?? []
      const best = candidates.filter((e) => matchesMask(form, e.term)).sort((a, b) => b.weight - a.weight)[0]
      if (best) return { entry: best, form: 'masked' }
    }
  }
  const long = elongated(plain, lexicon)
  if (long) return long
  if (!lexicon.embeddedAllow.has(plain)) {
    for (const [stem, entry] of lexicon.embedded) if (plain.includes(stem)) return { entry, form: 'embedded' }
  }
  return null
}

function withInflections(word: string, lexicon: ToxicityLexicon): WordHit | null {
  const entry = lexicon.words.get(word)
  if (entry) return { entry, form: 'plain' }
  for (const base of baseForms(word)) {
    const e = lexicon.words.get(base)
    if (e) return { entry: e, form: 'inflected' }
  }
  return null
}

function elongated(word: string, lexicon: ToxicityLexicon): WordHit | null {
  if (!isElongated(word)) return null
  const s = squeeze(word)
  const entry =
    lexicon.squeezed.get(s) ??
    baseForms(s)
      .map((b) => lexicon.squeezed.get(b))
      .find(Boolean)
  return entry ? { entry, form: 'elongated' } : null
}

/** "i d i o t": runs of one-letter tokens, searched for the longest lexicon word they spell. */
function spacedLetters(
  tokens: readonly string[],
  lexicon: ToxicityLexicon,
  canonical: string[],
): ToxicMatch[] {
  const out: ToxicMatch[] = []
  let i = 0
  while (i < tokens.length) {
    let j = i
    const letters: string[] = []
    while (j < tokens.length && tokens[j]!.length === 1) {
      letters.push(unleet(tokens[j]!) ?? tokens[j]!)
      j++
    }
    if (letters.length >= SPACED_MIN_LETTERS) out.push(...wordsInRun(letters, i, lexicon, canonical))
    i = Math.max(j, i + 1)
  }
  return out
}

function wordsInRun(
  letters: string[],
  offset: number,
  lexicon: ToxicityLexicon,
  canonical: string[],
): ToxicMatch[] {
  const run = letters.join('')
  for (let len = run.length; len >= SPACED_MIN_LETTERS; len--) {
    for (let start = 0; start + len <= run.length; start++) {
      const entry: LexiconEntry | undefined = lexicon.words.get(run.slice(start, start + len))
      if (!entry) continue
      canonical[offset + start] = entry.term
      return [
        {
          ...entry,
          found: letters.slice(start, start + len).join(' '),
          form: 'spaced',
          index: offset + start,
        },
      ]
    }
  }
  return []
}
