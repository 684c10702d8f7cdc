import { type ChildProcess, execFile, fork } from 'node:child_process'
import { resolve } from 'node:path'
import { promisify } from 'node:util'
import type { Figures } from './measure.js'
import { VARIANTS } from './variants.js'

/**
 * How much time a tracing SDK adds to each traced call of a no-op async "LLM" function.
 * Every variant runs in fresh processes (ROUNDS of them, interleaved with the other variants)
 * against one local sink process; the table shows the median round.
 *   node --import tsx bench/sdk-overhead/run.ts [calls=20000] [rounds=3]
 */
const CALLS = Number(process.argv[2] ?? 20_000)
const ROUNDS = Number(process.argv[3] ?? 3)
const here = import.meta.dirname
const run = promisify(execFile)

type Received = Record<string, { requests: number; bytes: number; items: number }>
type Round = { baseline: Figures; traced: Figures; sdkStats: Record<string, unknown>; received: number }
type Row = {
  name: string
  addedP50Us: number
  addedP99Us: number
  addedWallUs: number
  baselineP50Us: number
  received: number
  expected: number
  rounds: Round[]
}

function ask<T>(child: ChildProcess, cmd: string | undefined, key: string): Promise<T> {
  return new Promise((done) => {
    const on = (m: Record<string, unknown>) => {
      if (!(key in m)) return
      child.off('message', on)
      done(m[key] as T)
    }
    child.on('message', on)
    if (cmd) child.send({ cmd })
  })
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!
const r2 = (x: number) => Math.round(x * 100) / 100

const sink = fork(resolve(here, 'sink.ts'), [], {
  execArgv: ['--import', 'tsx'],
  stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
})
process.on('exit', () => sink.kill())
const port = await ask<number>(sink, undefined, 'port')
const sinkUrl = `http://127.0.0.1:${port}`
const names = Object.keys(VARIANTS)
const rounds = new Map<string, Round[]>(names.map((n) => [n, []]))

for (let round = 0; round < ROUNDS; round++) {
  for (const name of names) {
    sink.send({ cmd: 'reset' })
    const args = ['--import', 'tsx', resolve(here, 'variant.ts'), name, sinkUrl, String(CALLS)]
    const { stdout } = await run(process.execPath, args, { maxBuffer: 1 << 20 })
    const result = JSON.parse(stdout.trim().split('\n').at(-1)!) as Omit<Round, 'received'>
    const received = await ask<Received>(sink, 'report', 'received')
    rounds.get(name)!.push({ ...result, received: Object.values(received).reduce((n, x) => n + x.items, 0) })
    process.stderr.write(`round ${round + 1}/${ROUNDS}: ${name}\n`)
  }
}
sink.send({ cmd: 'exit' })

const warmup = Math.min(10_000, CALLS)
const rows: Row[] = names.map((name) => {
  const rs = rounds.get(name)!
  return {
    name,
    addedP50Us: r2(median(rs.map((r) => r.traced.p50Us - r.baseline.p50Us))),
    addedP99Us: r2(median(rs.map((r) => r.traced.p99Us - r.baseline.p99Us))),
    addedWallUs: r2(median(rs.map((r) => r.traced.wallPerCallUs - r.baseline.wallPerCallUs))),
    baselineP50Us: r2(median(rs.map((r) => r.baseline.p50Us))),
    // The worst round: a drop in any round shows.
    received: Math.min(...rs.map((r) => r.received)),
    expected: name.includes('disabled') ? 0 : warmup + CALLS,
    rounds: rs,
  }
})

const pad = (s: string | number, n: number) => String(s).padStart(n)
console.log(
  `\nTime added per traced call of a no-op async function, µs (${CALLS} calls, median of ${ROUNDS} rounds)\n`,
)
console.log(
  `${'variant'.padEnd(34)}${pad('p50 +', 8)}${pad('p99 +', 8)}${pad('wall +', 9)}${pad('base p50', 10)}${pad('exported', 14)}`,
)
for (const r of rows) {
  console.log(
    `${r.name.padEnd(34)}${pad(r.addedP50Us, 8)}${pad(r.addedP99Us, 8)}${pad(r.addedWallUs, 9)}${pad(r.baselineP50Us, 10)}${pad(`${r.received}/${r.expected}`, 14)}`,
  )
}
console.log(
  '\np50 +, p99 +: that percentile of one traced call minus the same percentile without the SDK (same process).' +
    '\nwall +: loop time per call minus the baseline, including the background export work (serialising, HTTP).' +
    '\nexported: traces/spans/runs the sink received (warm-up included) out of those recorded, in the worst round;' +
    '\n  fewer means the SDK dropped events: its queue is bounded (maxQueueSize, 10,000 by default) and a tight loop outruns the export.\n',
)
console.log(
  JSON.stringify({
    bench: 'sdk-overhead',
    calls: CALLS,
    rounds: ROUNDS,
    node: process.version,
    results: rows,
  }),
)
