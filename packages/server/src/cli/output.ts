/** Small helpers for what the CLI prints; colours only on a terminal. */
const tty = process.stdout.isTTY && !process.env.NO_COLOR
const paint = (code: string) => (s: string) => (tty ? `\u001b[${code}m${s}\u001b[0m` : s)
export const bold = paint('1')
export const dim = paint('2')
export const green = paint('32')
export const yellow = paint('33')
export const red = paint('31')
export const cyan = paint('36')

export function fail(message: string, hint?: string): never {
  process.stderr.write(`${red('error')} ${message}\n${hint ? `${dim(hint)}\n` : ''}`)
  process.exit(1)
}

export const usd = (n: number | null | undefined) =>
  n == null ? '–' : n >= 1 ? `$${n.toFixed(2)}` : `$${n.toFixed(n >= 0.01 ? 3 : 5)}`
export const ms = (n: number | null | undefined) =>
  n == null ? '–' : n >= 1000 ? `${(n / 1000).toFixed(2)} s` : `${Math.round(n)} ms`
