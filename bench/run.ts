// Runs one benchmark (`npm run bench -- ingest`) or lists them. Each prints what it measured.
import { spawnSync } from 'node:child_process'
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'

const here = import.meta.dirname
const available = readdirSync(here, { withFileTypes: true })
  .filter((d) => d.isDirectory() && existsSync(join(here, d.name, 'run.ts')))
  .map((d) => d.name)
const names = process.argv.slice(2)
if (names.length === 0) {
  console.log(`benchmarks: ${available.join(', ')}\nrun one with: npm run bench -- <name>`)
  process.exit(0)
}
for (const name of names) {
  if (!available.includes(name)) {
    console.error(`no benchmark "${name}"; there are: ${available.join(', ')}`)
    process.exit(2)
  }
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(here, name, 'run.ts')], { stdio: 'inherit' })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
