// bench/eval: heuristic evaluations per second on one core, then the ingest→scores lag under the
// demo's load. Run: npm run bench -- eval
import { spawnSync } from 'node:child_process'
import { join } from 'node:path'

for (const script of ['heuristics.ts', 'lag.ts']) {
  const r = spawnSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, script)], {
    stdio: 'inherit',
  })
  if (r.status !== 0) process.exit(r.status ?? 1)
}
