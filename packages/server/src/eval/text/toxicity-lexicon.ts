import { squeeze } from './evasion.js'
import lexiconJson from './lexicons/toxicity.json' with { type: 'json' }

export type ToxicCategory = 'profanity' | 'insult' | 'identity_attack' | 'threat' | 'harassment' | 'sexual'
export type LexiconEntry = { term: string; weight: number; category: ToxicCategory }
export type PhraseNode = { next: Map<string, PhraseNode>; entry?: LexiconEntry }

/** The toxicity lexicon (lexicons/toxicity.json) indexed for the matcher. */
export type ToxicityLexicon = {
  words: ReadonlyMap<string, LexiconEntry>
  /** Words by their squeezed form ("asshole" → "ashole"), to undo letter elongation. */
  squeezed: ReadonlyMap<string, LexiconEntry>
  /** Words by length, for masked tokens such as "f*ck". */
  byLength: ReadonlyMap<number, LexiconEntry[]>
  phrases: ReadonlyMap<string, LexiconEntry>
  /** The phrases as a word trie, walked without building strings. */
  phraseTrie: PhraseNode
  phraseFirstWords: ReadonlySet<string>
  maxPhraseWords: number
  embedded: ReadonlyMap<string, LexiconEntry>
  embeddedAllow: ReadonlySet<string>
}

function buildLexicon(): ToxicityLexicon {
  const words = new Map<string, LexiconEntry>()
  const squeezed = new Map<string, LexiconEntry>()
  const byLength = new Map<number, LexiconEntry[]>()
  const phrases = new Map<string, LexiconEntry>()
  const phraseFirstWords = new Set<string>()
  const phraseTrie: PhraseNode = { next: new Map() }
  let maxPhraseWords = 1
  for (const [category, terms] of Object.entries(lexiconJson.categories)) {
    for (const [term, weight] of Object.entries(terms as Record<string, number>)) {
      const entry: LexiconEntry = { term, weight, category: category as ToxicCategory }
      if (term.includes(' ')) {
        const parts = term.split(' ')
        phrases.set(term, entry)
        let node = phraseTrie
        for (const part of parts) {
          let child = node.next.get(part)
          if (!child) {
            child = { next: new Map() }
            node.next.set(part, child)
          }
          node = child
        }
        node.entry = entry
        phraseFirstWords.add(parts[0]!)
        maxPhraseWords = Math.max(maxPhraseWords, parts.length)
        continue
      }
      words.set(term, entry)
      squeezed.set(squeeze(term), entry)
      const same = byLength.get(term.length) ?? []
      same.push(entry)
      byLength.set(term.length, same)
    }
  }
  const embedded = new Map<string, LexiconEntry>()
  for (const [term, weight] of Object.entries(lexiconJson.embedded.terms)) {
    embedded.set(term, { term, weight, category: 'profanity' })
  }
  const embeddedAllow = new Set(lexiconJson.embedded.allow)
  return {
    words,
    squeezed,
    byLength,
    phrases,
    phraseTrie,
    phraseFirstWords,
    maxPhraseWords,
    embedded,
    embeddedAllow,
  }
}

export const TOXICITY_LEXICON: ToxicityLexicon = buildLexicon()
