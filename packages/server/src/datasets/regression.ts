import { z } from 'zod'
import { notFound } from '../prompts/errors.js'
import { getRun, listRunItems, listRuns, type StoredRun, type StoredRunItem } from '../store/index.js'
import { compareRuns, type RunComparison } from './compare/compare.js'
import { type GateResult, gateAgainstBaseline, gateOnAssertions } from './compare/gate.js'
import { configKey, resolveConfig } from './run/config.js'
import { readInput } from './run/messages.js'
import { RunBody } from './run/schemas.js'
import { type RunDeps, type RunHooks, startRun } from './run/start.js'
import { datasetItems, requireDataset } from './service.js'

/** Body of a regression check: a run, and what to compare it with. */
export const RegressionBody = RunBody.extend({
  /**
   * A run id; "auto": the latest completed run of the prompt's production version on the same
   * dataset version (run now when there is none); "none": gate on the assertions alone.
   */
  baseline: z.union([z.literal('auto'), z.literal('none'), z.string().min(1).max(200)]).default('auto'),
  /** Share of items allowed to regress before the check fails (0: any). */
  threshold: z.number().min(0).max(1).default(0),
})
export type RegressionBody = z.infer<typeof RegressionBody>

export type ReportItem = {
  itemId: string
  query: string
  passRate: number
  status: string
  reason: string | null
  output: string | null
}

export type RegressionReport = {
  dataset: { id: string; name: string; version: number }
  run: StoredRun
  baseline: StoredRun | null
  /** Why there is no baseline, when there is none. */
  baselineNote: string | null
  comparison: RunComparison | null
  gate: GateResult
  items: ReportItem[]
}

async function loadRun(deps: RunDeps, projectId: string, id: string) {
  const run = await getRun(deps.db, projectId, id)
  if (!run) throw notFound('run', id)
  return { run, items: await listRunItems(deps.db, projectId, id) }
}

/** The production version of the candidate's prompt, run (or found already run) on the same items. */
async function autoBaseline(
  deps: RunDeps,
  projectId: string,
  body: RegressionBody,
  candidate: StoredRun,
  hooks: RunHooks,
) {
  const prompt = body.config.prompt
  if (!prompt) return { note: 'no prompt given: nothing to take a production baseline from' }
  const production = { ...body.config, prompt: { name: prompt.name, label: 'production' } }
  let config: Awaited<ReturnType<typeof resolveConfig>>
  try {
    config = await resolveConfig(deps.db, projectId, production, deps.provider)
  } catch {
    return { note: `prompt ${prompt.name} has no production label: nothing to compare with` }
  }
  const key = configKey(config)
  const earlier = await listRuns(deps.db, projectId, {
    datasetId: candidate.datasetId,
    datasetVersion: candidate.datasetVersion,
    configKey: key,
    status: 'completed',
    limit: 20,
  })
  // Pass rates compare only under the same checks, evaluators and repetitions.
  const same = (r: StoredRun) =>
    r.id !== candidate.id &&
    r.repetitions === candidate.repetitions &&
    JSON.stringify([r.assertions, r.evaluators]) ===
      JSON.stringify([candidate.assertions, candidate.evaluators])
  // When the candidate is itself the production version, this is its previous run.
  const previous = earlier.find(same)
  if (previous) return { baseline: await loadRun(deps, projectId, previous.id) }
  if (key === candidate.configKey)
    return { note: 'the candidate is the production version and has no earlier run' }
  const started = await startRun(
    deps,
    projectId,
    candidate.datasetId,
    { ...body, datasetVersion: candidate.datasetVersion, config: production, name: undefined },
    candidate.createdBy,
    hooks,
  )
  const run = await started.finished
  return { baseline: { run, items: await listRunItems(deps.db, projectId, run.id) } }
}

/**
 * Runs a configuration over a dataset and decides whether it regressed: against the baseline
 * run (item by item), or on its own assertions when there is none. The answer names every
 * regressed item with the reason, for a CI log.
 */
export async function checkRegression(
  deps: RunDeps,
  projectId: string,
  datasetRef: string,
  body: RegressionBody,
  by: string | null,
  hooks: RunHooks & { onBaseline?: (how: string) => void } = {},
): Promise<RegressionReport> {
  const dataset = await requireDataset(deps.db, projectId, datasetRef)
  const explicit =
    body.baseline !== 'auto' && body.baseline !== 'none'
      ? await loadRun(deps, projectId, body.baseline)
      : null
  const started = await startRun(deps, projectId, dataset.id, body, by, hooks)
  const run = await started.finished
  const items = await listRunItems(deps.db, projectId, run.id)
  let base: { run: StoredRun; items: StoredRunItem[] } | null = explicit
  let baselineNote: string | null = null
  if (body.baseline === 'auto') {
    hooks.onBaseline?.('baseline: the production version')
    const found = await autoBaseline(deps, projectId, body, run, hooks)
    base = found.baseline ?? null
    baselineNote = found.note ?? null
  } else if (body.baseline === 'none') baselineNote = 'no baseline asked for'
  const stored = await datasetItems(deps.db, projectId, dataset, run.datasetVersion)
  const comparison = base ? compareRuns(base, { run, items }, { order: stored.map((i) => i.id) }) : null
  const gate = comparison
    ? gateAgainstBaseline(comparison, body.threshold)
    : gateOnAssertions(items, body.threshold)
  const reasons = new Map(gate.items.map((i) => [i.itemId, i.reason]))
  const status = new Map(comparison?.items.map((i) => [i.itemId, i.status]) ?? [])
  const outcomes = new Map<string, StoredRunItem[]>()
  for (const it of items) outcomes.set(it.itemId, [...(outcomes.get(it.itemId) ?? []), it])
  return {
    dataset: { id: dataset.id, name: dataset.name, version: run.datasetVersion },
    run,
    baseline: base?.run ?? null,
    baselineNote,
    comparison,
    gate,
    items: stored.map((item) => {
      const runs = outcomes.get(item.id) ?? []
      const passRate = runs.length ? runs.filter((r) => r.passed).length / runs.length : 0
      return {
        itemId: item.id,
        query: readInput(item.input).query,
        passRate,
        status: reasons.has(item.id)
          ? gate.mode === 'baseline'
            ? 'regressed'
            : 'failed'
          : (status.get(item.id) ?? (passRate === 1 ? 'passed' : 'failed')),
        reason: reasons.get(item.id) ?? null,
        output: runs.at(-1)?.output ?? null,
      }
    }),
  }
}
