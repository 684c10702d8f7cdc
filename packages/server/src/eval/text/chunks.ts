/**
 * The whitespace-separated chunks of a text, aligned with its words. VADER and the toxicity
 * matcher both read text chunk by chunk; for the common chunk that is one plain word with at most
 * some quotes or punctuation around it ("refund," "(Billing") they reuse the word already
 * tokenized instead of slicing and hashing a copy. Other chunks ("sh!t", ":)", URLs) keep their
 * raw text for the slower paths.
 */
export type Chunks = {
  count: number
  /** Index into the text's words of the chunk's only word, or -1 when the chunk is not plain. */
  word: number[]
  /** Raw text of chunks that are not plain, by chunk index. */
  raw: Map<number, string>
  /** Bit flags per chunk: CLAUSE_END, SENTENCE_END, IN_CODE. */
  flags: number[]
}

/** Ends with , ; : . ! or ? (before any closing quotes or brackets): the end of a clause. */
export const CLAUSE_END = 1
/** Ends with . ! ? or … or is followed by a line break: the end of a sentence. */
export const SENTENCE_END = 2
/** Part of a fenced code block. */
export const IN_CODE = 4

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 160
const isOpener = (c: number) => c === 34 || c === 39 || c === 40 || c === 91 || c === 0x201c || c === 0x2018
const isCloser = (c: number) => c === 34 || c === 39 || c === 41 || c === 93 || c === 0x201d || c === 0x2019
const isClauseMark = (c: number) =>
  c === 44 || c === 59 || c === 58 || c === 46 || c === 33 || c === 63 || c === 0x2026
const isSentenceMark = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026

export function buildChunks(text: string, starts: readonly number[], ends: readonly number[]): Chunks {
  const n = text.length
  const word: number[] = []
  const flags: number[] = []
  const raw = new Map<number, string>()
  let count = 0
  let i = 0
  let k = 0
  let inCode = false
  while (i < n) {
    let newline = false
    let c = text.charCodeAt(i)
    while (isSpace(c)) {
      if (c === 10) newline = true
      c = text.charCodeAt(++i)
    }
    if (newline && count > 0) flags[count - 1]! |= SENTENCE_END
    if (i >= n) break
    const s = i
    while (i < n && !isSpace(text.charCodeAt(i))) i++
    const e = i
    while (k < starts.length && starts[k]! < s) k++
    const first = k
    while (k < starts.length && starts[k]! < e) k++
    const fence = text.charCodeAt(s) === 96 && text.startsWith('```', s)
    if (fence) inCode = !inCode
    let last = e - 1
    while (last > s && isCloser(text.charCodeAt(last))) last--
    const mark = text.charCodeAt(last)
    const plain = k - first === 1 && isPlain(text, s, e, starts[first]!, ends[first]!)
    word[count] = plain ? first : -1
    if (!plain) raw.set(count, text.slice(s, e))
    flags[count] =
      (isClauseMark(mark) ? CLAUSE_END : 0) |
      (isSentenceMark(mark) ? SENTENCE_END : 0) |
      (inCode || fence ? IN_CODE : 0)
    count++
  }
  return { count, word, raw, flags }
}

/** The chunk is the word plus opening quotes/brackets before it and closers or punctuation after. */
function isPlain(text: string, s: number, e: number, ws: number, we: number): boolean {
  for (let j = s; j < ws; j++) if (!isOpener(text.charCodeAt(j))) return false
  for (let j = we; j < e; j++) {
    const c = text.charCodeAt(j)
    if (!isCloser(c) && !isClauseMark(c)) return false
  }
  return true
}
