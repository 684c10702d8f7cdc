import { generateTraffic } from './traffic.js'
const turns = generateTraffic(400, 1).map(t => t.response)
const src = await import('../../packages/server/src/eval/evaluators/support-signals.ts?raw').catch(() => null)
const fs = await import('node:fs')
const code = fs.readFileSync('packages/server/src/eval/evaluators/support-signals.ts', 'utf8')
const get = (name: string) => { const m = new RegExp(`const ${name} =\\s*\\n?\\s*(/.*/[a-z]*)\\n`).exec(code)!; return eval(m[1]!) as RegExp }
for (const name of ['URL_RE', 'CITATION_RE', 'SOURCE_CUE_RE', 'HEDGE_RE', 'NOT_A_FIGURE_RE', 'FIGURE_RE']) {
  const re = get(name)
  for (let i = 0; i < 2000; i++) turns[i % 400]!.match(re)
  const N = 20000; const t0 = performance.now()
  for (let i = 0; i < N; i++) turns[i % 400]!.match(re)
  console.log(name.padEnd(18), ((performance.now() - t0) * 1000 / N).toFixed(2), 'µs')
}
