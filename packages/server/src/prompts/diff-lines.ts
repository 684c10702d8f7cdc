export type LineOp = { op: 'equal' | 'add' | 'remove'; text: string }

/** Above this many line pairs the table would be too large; the texts are shown as replaced. */
const MAX_CELLS = 4_000_000

/**
 * A shortest edit script between two sequences by longest common subsequence (dynamic
 * programming), with removals listed before additions at each change, as `diff -u` does.
 */
export function diffSequences<T>(a: readonly T[], b: readonly T[], same: (x: T, y: T) => boolean) {
  type Step = { op: 'equal' | 'add' | 'remove'; a?: T; b?: T }
  const n = a.length
  const m = b.length
  if (n * m > MAX_CELLS) {
    return [...a.map((x): Step => ({ op: 'remove', a: x })), ...b.map((y): Step => ({ op: 'add', b: y }))]
  }
  // lcs[i][j]: length of the LCS of a[i..] and b[j..], in one flat array.
  const lcs = new Uint32Array((n + 1) * (m + 1))
  for (let i = n - 1; i >= 0; i--)
    for (let j = m - 1; j >= 0; j--)
      lcs[i * (m + 1) + j] = same(a[i]!, b[j]!)
        ? lcs[(i + 1) * (m + 1) + j + 1]! + 1
        : Math.max(lcs[(i + 1) * (m + 1) + j]!, lcs[i * (m + 1) + j + 1]!)
  const steps: Step[] = []
  let i = 0
  let j = 0
  while (i < n || j < m) {
    if (i < n && j < m && same(a[i]!, b[j]!)) steps.push({ op: 'equal', a: a[i++], b: b[j++] })
    else if (j >= m || (i < n && lcs[(i + 1) * (m + 1) + j]! >= lcs[i * (m + 1) + j + 1]!))
      steps.push({ op: 'remove', a: a[i++] })
    else steps.push({ op: 'add', b: b[j++] })
  }
  return steps
}

/** Line by line changes from `a` to `b`. */
export function diffLines(a: string, b: string): LineOp[] {
  return diffSequences(a.split('\n'), b.split('\n'), (x, y) => x === y).map((s) => ({
    op: s.op,
    text: (s.op === 'add' ? s.b : s.a) as string,
  }))
}
