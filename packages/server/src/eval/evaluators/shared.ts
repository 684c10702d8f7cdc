/** Clamps to 0..1. */
export const clamp01 = (x: number): number => Math.min(1, Math.max(0, x))

/** Scores are stored and compared at three decimals; more digits only suggest false precision. */
export const round3 = (x: number): number => Math.round(x * 1000) / 1000

/** Noisy-OR: the chance that at least one of several independent signals fires. */
export function noisyOr(weights: Iterable<number>): number {
  let none = 1
  for (const w of weights) none *= 1 - clamp01(w)
  return 1 - none
}

/** Quotes a short excerpt for a comment. */
export function quote(text: string, maxChars = 40): string {
  const t = text.replace(/\s+/g, ' ').trim()
  return `"${t.length > maxChars ? `${t.slice(0, maxChars - 1)}…` : t}"`
}
