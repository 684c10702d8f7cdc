/** Words that carry no topic. */
const STOP = new Set(
  (
    'a an and are as at be but by can could do does for from has have hello hi how i if in is it its me my no not of on ' +
    'or our please so than thanks thank that the their them there they this to up us was we what when where which who ' +
    'why will with would you your yes hey am been did get got just any some about into also then too very want need ' +
    'know tell help one there here ok okay'
  ).split(' '),
)

/** A light stemmer: enough to fold "orders"/"ordered"/"ordering" together for clustering. */
export function stem(word: string): string {
  if (word.length <= 4) return word
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (word.endsWith(suffix) && word.length - suffix.length >= 3) return word.slice(0, -suffix.length)
  }
  return word
}

/** Topic words of a text: lower-case words of two letters or more, stop words and numbers dropped. */
export function words(text: string): string[] {
  return (text.toLowerCase().match(/[\p{L}\p{N}]{2,}/gu) ?? []).filter(
    (w) => !STOP.has(w) && !/^\d+$/.test(w),
  )
}

/** Topic terms of a text: its words, stemmed. */
export const terms = (text: string): string[] => words(text).map(stem)

/** Text folded for spotting repeated questions. */
export const normalizeQuestion = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim()
