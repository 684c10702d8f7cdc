/** Line operations as the API gives them (prompts/diff-lines.ts). */
export type LineOp = { op: 'equal' | 'add' | 'remove'; text: string }

export type Side = { op: LineOp['op']; text: string } | null
/** One row of a side-by-side diff: the old line on the left, the new one on the right. */
export type Row = { left: Side; right: Side }

/**
 * Lines side by side: equal lines face each other, and within each run of changes the removed
 * lines are paired with the added ones in order (the rest face a blank).
 */
export function sideBySide(lines: readonly LineOp[]): Row[] {
  const rows: Row[] = []
  let i = 0
  while (i < lines.length) {
    const line = lines[i]!
    if (line.op === 'equal') {
      rows.push({ left: line, right: line })
      i++
      continue
    }
    const removed: LineOp[] = []
    const added: LineOp[] = []
    while (i < lines.length && lines[i]!.op !== 'equal') {
      const l = lines[i++]!
      ;(l.op === 'remove' ? removed : added).push(l)
    }
    for (let k = 0; k < Math.max(removed.length, added.length); k++)
      rows.push({ left: removed[k] ?? null, right: added[k] ?? null })
  }
  return rows
}

export type Segment = { text: string; changed: boolean }

/** Above this many word pairs a changed line is marked whole instead of word by word. */
const MAX_WORD_CELLS = 250_000

/**
 * The words that differ between an old and a new line (longest common subsequence over words
 * and the spaces between them), so a long prompt line shows what changed in it.
 */
export function wordDiff(a: string, b: string): { left: Segment[]; right: Segment[] } {
  const x = a.split(/(\s+)/).filter(Boolean)
  const y = b.split(/(\s+)/).filter(Boolean)
  const n = x.length
  const m = y.length
  if (n * m > MAX_WORD_CELLS)
    return { left: [{ text: a, changed: true }], right: [{ text: b, changed: true }] }
  const lcs = new Uint32Array((n + 1) * (m + 1))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] =
        x[i] === y[j]
          ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
          : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!)
  const left: Segment[] = []
  const right: Segment[] = []
  const push = (to: Segment[], text: string, changed: boolean) => {
    const last = to.at(-1)
    if (last && last.changed === changed) last.text += text
    else to.push({ text, changed })
  }
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && x[i] === y[j]) {
      push(left, x[i]!, false)
      push(right, y[j]!, false)
      i++
      j++
    } else if (j >= m || (i < n && lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!))
      push(left, x[i++]!, true)
    else push(right, y[j++]!, true)
  }
  return { left, right }
}
