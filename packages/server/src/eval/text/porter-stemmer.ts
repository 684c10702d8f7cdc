/**
 * The Porter stemming algorithm (M. F. Porter, "An algorithm for suffix stripping", Program 14(3),
 * 1980), as published in the paper: step 2 maps "abli" to "able" and has no "logi" rule (the later
 * reference C code differs there). Input must be a lower-case word; words of one or two letters are
 * returned unchanged.
 */
const isVowelLetter = (c: string | undefined) => c === 'a' || c === 'e' || c === 'i' || c === 'o' || c === 'u'

function isConsonant(w: string, i: number): boolean {
  const c = w[i]
  if (isVowelLetter(c)) return false
  if (c === 'y') return i === 0 ? true : !isConsonant(w, i - 1)
  return true
}

/** m in the paper: the number of vowel-consonant sequences in `stem` ([C](VC){m}[V]). */
function measure(stem: string): number {
  let m = 0
  let i = 0
  const n = stem.length
  while (i < n && isConsonant(stem, i)) i++
  while (i < n) {
    while (i < n && !isConsonant(stem, i)) i++
    if (i >= n) break
    while (i < n && isConsonant(stem, i)) i++
    m++
  }
  return m
}

function hasVowel(stem: string): boolean {
  for (let i = 0; i < stem.length; i++) if (!isConsonant(stem, i)) return true
  return false
}

function endsDoubleConsonant(w: string): boolean {
  const n = w.length
  return n >= 2 && w[n - 1] === w[n - 2] && isConsonant(w, n - 1)
}

/** *o in the paper: the stem ends consonant-vowel-consonant, the last not w, x or y. */
function endsCvc(w: string): boolean {
  const n = w.length
  if (n < 3 || !isConsonant(w, n - 3) || isConsonant(w, n - 2) || !isConsonant(w, n - 1)) return false
  const last = w[n - 1]
  return last !== 'w' && last !== 'x' && last !== 'y'
}

type Rule = readonly [suffix: string, replacement: string]

/** Applies the first rule whose suffix matches, if the remaining stem has measure > minMeasure. */
function applyRules(w: string, rules: readonly Rule[], minMeasure: number): string {
  for (const [suffix, replacement] of rules) {
    if (!w.endsWith(suffix)) continue
    const stem = w.slice(0, w.length - suffix.length)
    return measure(stem) > minMeasure ? stem + replacement : w
  }
  return w
}

const STEP2: readonly Rule[] = [
  ['ational', 'ate'],
  ['tional', 'tion'],
  ['enci', 'ence'],
  ['anci', 'ance'],
  ['izer', 'ize'],
  ['abli', 'able'],
  ['alli', 'al'],
  ['entli', 'ent'],
  ['eli', 'e'],
  ['ousli', 'ous'],
  ['ization', 'ize'],
  ['ation', 'ate'],
  ['ator', 'ate'],
  ['alism', 'al'],
  ['iveness', 'ive'],
  ['fulness', 'ful'],
  ['ousness', 'ous'],
  ['aliti', 'al'],
  ['iviti', 'ive'],
  ['biliti', 'ble'],
]
const STEP3: readonly Rule[] = [
  ['icate', 'ic'],
  ['ative', ''],
  ['alize', 'al'],
  ['iciti', 'ic'],
  ['ical', 'ic'],
  ['ful', ''],
  ['ness', ''],
]
const STEP4 = [
  'al',
  'ance',
  'ence',
  'er',
  'ic',
  'able',
  'ible',
  'ant',
  'ement',
  'ment',
  'ent',
  'ion',
  'ou',
  'ism',
  'ate',
  'iti',
  'ous',
  'ive',
  'ize',
] as const

function step1ab(w: string): string {
  if (w.endsWith('sses') || w.endsWith('ies')) w = w.slice(0, -2)
  else if (w.endsWith('s') && !w.endsWith('ss')) w = w.slice(0, -1)

  if (w.endsWith('eed')) return measure(w.slice(0, -3)) > 0 ? w.slice(0, -1) : w
  let stem: string | null = null
  if (w.endsWith('ed') && hasVowel(w.slice(0, -2))) stem = w.slice(0, -2)
  else if (w.endsWith('ing') && hasVowel(w.slice(0, -3))) stem = w.slice(0, -3)
  if (stem === null) return w
  if (stem.endsWith('at') || stem.endsWith('bl') || stem.endsWith('iz')) return `${stem}e`
  if (endsDoubleConsonant(stem) && !/[lsz]$/.test(stem)) return stem.slice(0, -1)
  if (measure(stem) === 1 && endsCvc(stem)) return `${stem}e`
  return stem
}

function step4(w: string): string {
  for (const suffix of STEP4) {
    if (!w.endsWith(suffix)) continue
    const stem = w.slice(0, w.length - suffix.length)
    if (measure(stem) <= 1) return w
    if (suffix === 'ion' && !(stem.endsWith('s') || stem.endsWith('t'))) return w
    return stem
  }
  return w
}

function step5(w: string): string {
  if (w.endsWith('e')) {
    const stem = w.slice(0, -1)
    const m = measure(stem)
    if (m > 1 || (m === 1 && !endsCvc(stem))) w = stem
  }
  if (w.endsWith('ll') && measure(w) > 1) w = w.slice(0, -1)
  return w
}

/** Porter stem of one lower-case word. */
export function porterStem(word: string): string {
  if (word.length <= 2) return word
  let w = step1ab(word)
  if (w.endsWith('y') && hasVowel(w.slice(0, -1))) w = `${w.slice(0, -1)}i`
  w = applyRules(w, STEP2, 0)
  w = applyRules(w, STEP3, 0)
  w = step4(w)
  return step5(w)
}

/** Support traffic reuses a small vocabulary; caching stems makes stemming nearly free. */
const STEM_CACHE_MAX_ENTRIES = 50_000
const cache = new Map<string, string>()

/** Cached `porterStem`. */
export function stem(word: string): string {
  let s = cache.get(word)
  if (s === undefined) {
    s = porterStem(word)
    if (cache.size >= STEM_CACHE_MAX_ENTRIES) cache.clear()
    cache.set(word, s)
  }
  return s
}
