const STOPWORDS = new Set(
  (
    'a an the and or but if of to in on at for with from by about as is are was were be been am do does did ' +
    'i you we they it my your our me us this that these those can could would should will what when where ' +
    'how why which who there here have has had not no so just please'
  ).split(' '),
)

/** Content words of a text, lower-cased, stop words dropped, common endings stripped. */
export function words(text: string): Set<string> {
  const out = new Set<string>()
  for (const raw of text.toLowerCase().match(/[a-z0-9$]+/g) ?? []) {
    if (STOPWORDS.has(raw)) continue
    out.add(raw.length > 4 ? raw.replace(/(ing|ed|es|s)$/, '') : raw)
  }
  return out
}

/** Share of `part`'s words that `whole` also has (0 when `part` has none). */
export function share(part: Set<string>, whole: Set<string>): number {
  if (part.size === 0) return 0
  let hits = 0
  for (const w of part) if (whole.has(w)) hits++
  return hits / part.size
}
