import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'

/**
 * The VADER sentiment lexicon (Hutto & Gilbert, ICWSM 2014; MIT licence): about 7,500 words,
 * emoticons and slang with a mean valence in -4..4 rated by ten people each. Read from the
 * `vader-sentiment` package, which ships the original vader_lexicon.txt.
 */
function loadLexicon(): ReadonlyMap<string, number> {
  const require = createRequire(import.meta.url)
  const file = join(dirname(require.resolve('vader-sentiment/package.json')), 'vader_lexicon.txt')
  const lexicon = new Map<string, number>()
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const [token, mean] = line.split('\t')
    if (token && mean !== undefined) lexicon.set(token, Number.parseFloat(mean))
  }
  return lexicon
}

export const VADER_LEXICON: ReadonlyMap<string, number> = loadLexicon()

/** Degree adverbs from VADER 3.3.2: boosters raise, dampeners lower the next sentiment word. */
const B_INCR = 0.293
const B_DECR = -0.293
const INCREASERS = `absolutely amazingly awfully completely considerable considerably decidedly deeply effing
enormous enormously entirely especially exceptional exceptionally extreme extremely fabulously flipping flippin
frackin fracking fricking frickin frigging friggin fully fuckin fucking fuggin fugging greatly hella highly hugely
incredible incredibly intensely major majorly more most particularly purely quite really remarkably so
substantially thoroughly total totally tremendous tremendously uber unbelievably unusually utter utterly very`
const DECREASERS = `almost barely hardly kinda kindof kind-of less little marginal marginally occasional
occasionally partly scarce scarcely slight slightly somewhat sorta sortof sort-of`

export const BOOSTERS: ReadonlyMap<string, number> = new Map([
  ...INCREASERS.split(/\s+/).map((w) => [w, B_INCR] as const),
  ...DECREASERS.split(/\s+/).map((w) => [w, B_DECR] as const),
  ['just enough', B_DECR],
  ['kind of', B_DECR],
  ['sort of', B_DECR],
])

export const NEGATIONS: ReadonlySet<string> = new Set(
  `aint arent cannot cant couldnt darent didnt doesnt ain't aren't can't couldn't daren't didn't doesn't dont
hadnt hasnt havent isnt mightnt mustnt neither don't hadn't hasn't haven't isn't mightn't mustn't neednt needn't
never none nope nor not nothing nowhere oughtnt shant shouldnt uhuh wasnt werent oughtn't shan't shouldn't uh-uh
wasn't weren't without wont wouldnt won't wouldn't rarely seldom despite`.split(/\s+/),
)

/** Multi-word expressions whose valence replaces that of their sentiment word (VADER 3.3.2). */
export const IDIOMS: ReadonlyMap<string, number> = new Map([
  ['the shit', 3],
  ['the bomb', 3],
  ['bad ass', 1.5],
  ['badass', 1.5],
  ['bus stop', 0],
  ['yeah right', -2],
  ['kiss of death', -1.5],
  ['to die for', 3],
  ['beating heart', 3.1],
  ['broken heart', -2.9],
])
