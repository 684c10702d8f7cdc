/**
 * Sentence splitter aware of what chatbot answers look like: Markdown lists and headings, fenced
 * and inline code, abbreviations ("e.g.", "Dr."), decimals and URLs. List items and headings are
 * kept apart from prose because they legitimately lack a full stop.
 */
export type SentenceKind = 'prose' | 'list' | 'heading'
/**
 * One sentence, list item or heading. `start`/`end` locate it in the original text when the text
 * had no code (code is cut out before splitting, which shifts positions); they let callers count
 * words by offset instead of re-tokenizing.
 */
export type Sentence = { text: string; kind: SentenceKind; terminated: boolean; start?: number; end?: number }
export type Segmentation = { sentences: Sentence[]; codeBlocks: number; unclosedCodeFence: boolean }

const ABBREVIATIONS = new Set(
  'e.g i.e etc vs mr mrs ms dr prof st no nr approx dept fig inc ltd co jr sr u.s a.m p.m incl min max est'.split(
    ' ',
  ),
)
const FENCE_RE = /```[\s\S]*?```/g
const INLINE_CODE_RE = /`[^`\n]+`/g
/** Headings and list items start with one of these; other lines skip the two tests below. */
const MAY_BE_MARKED_RE = /^[#\-*•+\d]/
const HEADING_RE = /^#{1,6}\s+/
const LIST_MARKER_RE = /^(?:[-*•+]|\d{1,3}[.)])\s+/

export function splitSentences(text: string): Segmentation {
  const sentences: Sentence[] = []
  const hasBackticks = text.includes('`')
  const withoutFences = hasBackticks ? text.replace(FENCE_RE, '\n\n') : text
  const codeBlocks = hasBackticks ? (text.match(FENCE_RE)?.length ?? 0) : 0
  const unclosedCodeFence = hasBackticks && withoutFences.includes('```')
  const clean = hasBackticks ? withoutFences.replaceAll('```', '\n').replace(INLINE_CODE_RE, 'code') : text
  const at: Placement = { text: clean, out: sentences, offsets: !hasBackticks }

  // Lines are walked by position, not split, so sentences keep their offsets; consecutive
  // unmarked lines form one paragraph.
  let paragraphStart = -1
  let paragraphEnd = -1
  const flush = () => {
    if (paragraphStart >= 0) splitProse(at, paragraphStart, paragraphEnd, 'prose')
    paragraphStart = -1
  }
  let lineStart = 0
  while (lineStart <= clean.length) {
    let lineEnd = clean.indexOf('\n', lineStart)
    if (lineEnd < 0) lineEnd = clean.length
    let a = lineStart
    let b = lineEnd
    while (a < b && isSpaceCode(clean.charCodeAt(a))) a++
    while (b > a && isSpaceCode(clean.charCodeAt(b - 1))) b--
    const marked = a < b && MAY_BE_MARKED_RE.test(clean[a]!)
    const heading = marked ? HEADING_RE.exec(clean.slice(a, b)) : null
    const list = marked && !heading ? LIST_MARKER_RE.exec(clean.slice(a, b)) : null
    if (a === b) flush()
    else if (heading) {
      flush()
      push(at, a + heading[0].length, b, 'heading')
    } else if (list) {
      flush()
      splitProse(at, a + list[0].length, b, 'list')
    } else {
      if (paragraphStart < 0) paragraphStart = a
      paragraphEnd = b
    }
    lineStart = lineEnd + 1
  }
  flush()
  return { sentences, codeBlocks, unclosedCodeFence }
}

type Placement = { text: string; out: Sentence[]; offsets: boolean }

const isTerminator = (c: number) => c === 46 || c === 33 || c === 63 || c === 0x2026
const isCloser = (c: number) => c === 34 || c === 39 || c === 41 || c === 93 || c === 0x2019 || c === 0x201d
const isSpaceCode = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 160

function splitProse(at: Placement, from: number, to: number, kind: SentenceKind): void {
  const text = at.text
  let start = from
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i)
    if (!isTerminator(c)) continue
    let end = i + 1
    while (end < to && isTerminator(text.charCodeAt(end))) end++
    while (end < to && isCloser(text.charCodeAt(end))) end++
    if (end < to && !isSpaceCode(text.charCodeAt(end))) {
      i = end - 1
      continue
    }
    if (c === 46 && end === i + 1 && isAbbreviation(text, start, i, nextVisible(text, end, to))) continue
    push(at, start, end, kind)
    start = end
    i = end - 1
  }
  if (start < to) push(at, start, to, kind)
}

function nextVisible(text: string, from: number, to: number): string | undefined {
  let k = from
  while (k < to && isSpaceCode(text.charCodeAt(k))) k++
  return k < to ? text[k] : undefined
}

/** "No." and "Nr." abbreviate "number" only before a numeral; otherwise "No." ends an answer. */
const NUMBER_ABBREVIATIONS = new Set(['no', 'nr'])

const isLetterOrDot = (ch: string) => {
  const c = ch.charCodeAt(0)
  if (c < 128) return c === 46 || (c >= 65 && c <= 90) || (c >= 97 && c <= 122)
  return /\p{L}/u.test(ch)
}

function isAbbreviation(paragraph: string, start: number, dot: number, next: string | undefined): boolean {
  let j = dot
  while (j > start && dot - j < 8 && isLetterOrDot(paragraph[j - 1]!)) j--
  if (dot - j >= 8) return false
  const word = paragraph.slice(j, dot).toLowerCase()
  if (NUMBER_ABBREVIATIONS.has(word)) return next !== undefined && /\d/.test(next)
  return ABBREVIATIONS.has(word) || (word.length === 1 && /\p{Lu}/u.test(paragraph[j]!))
}

function push(at: Placement, from: number, to: number, kind: SentenceKind): void {
  let a = from
  let b = to
  while (a < b && isSpaceCode(at.text.charCodeAt(a))) a++
  while (b > a && isSpaceCode(at.text.charCodeAt(b - 1))) b--
  if (a === b) return
  const raw = at.text.slice(a, b)
  // A paragraph may span hard-wrapped lines; its sentences read as one line.
  const text = raw.includes('\n') ? raw.replace(/\s*\n\s*/g, ' ') : raw
  const terminated = kind === 'heading' || isTerminated(text)
  at.out.push(at.offsets ? { text, kind, terminated, start: a, end: b } : { text, kind, terminated })
}

/** Ends in . ! ? … : or ; possibly followed by closing quotes or brackets. */
function isTerminated(text: string): boolean {
  let i = text.length - 1
  while (i >= 0 && isCloser(text.charCodeAt(i))) i--
  const c = text.charCodeAt(i)
  return isTerminator(c) || c === 58 || c === 59
}
