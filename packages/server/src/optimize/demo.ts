import { DEMO_ASSERTIONS, DEMO_DATASET, demoDatasetItems } from '../datasets/demo-data.js'
import type { RunSummary } from '../datasets/index.js'
import { DEMO_PROMPT, DEMO_STORE } from '../demo/index.js'
import type { StoredRecommendation, StoredRun } from '../store/index.js'

/** A call to the chatlens API, answering the status and the JSON body. */
export type DemoApi = (
  method: string,
  path: string,
  body?: unknown,
) => Promise<{ status: number; body: unknown }>

export type DemoImprovementOptions = {
  /** The registry prompt the chatbot answers with (the demo's), and the variables it needs. */
  prompt?: string
  variables?: Record<string, string>
  /** Days of traffic the recommendations read. */
  days?: number
}

const RANK = { high: 0, medium: 1, low: 2 }
const pct = (x: number | null | undefined) => (x == null ? '–' : `${(x * 100).toFixed(1)} %`)

async function ensureDataset(api: DemoApi, variables: Record<string, string>) {
  if ((await api('GET', `/api/v1/datasets/${DEMO_DATASET}`)).status !== 404) return
  const created = await api('POST', '/api/v1/datasets', {
    name: DEMO_DATASET,
    description: "The store's most common questions and the fact each answer must carry",
    items: demoDatasetItems(variables),
  })
  if (created.status !== 201)
    throw new Error(`the demo could not create its dataset: ${JSON.stringify(created.body)}`)
}

/**
 * The demo's improvement loop, over the API of the server the demo fills: a small regression
 * dataset, one run of the production prompt over it, and recommendations from the week of
 * traffic, of which the first that chatlens can apply itself is named with the command that
 * applies it (a new prompt version and an experiment against production). Returns what to print.
 */
export async function demoImprovement(api: DemoApi, options: DemoImprovementOptions = {}): Promise<string> {
  const o = { prompt: DEMO_PROMPT, variables: { store: DEMO_STORE }, ...options }
  await ensureDataset(api, o.variables)
  const lines: string[] = []
  const run = await api('POST', `/api/v1/datasets/${DEMO_DATASET}/runs`, {
    name: `demo: ${o.prompt} in production`,
    config: { prompt: { name: o.prompt, label: 'production' } },
    assertions: DEMO_ASSERTIONS,
    wait: true,
  })
  if (run.status === 200) {
    const r = run.body as StoredRun
    const s = r.summary as unknown as RunSummary
    const p = (r.config as { prompt?: { name: string; version: number } | null }).prompt
    const used = p ? `${p.name}@${p.version} (production)` : 'no prompt'
    lines.push(
      `  dataset    ${DEMO_DATASET}: ${s.items} items, pass rate ${pct(s.passRate)} with ${used}${r.simulated ? ' on the simulated model' : ''}`,
      `             chatlens eval --dataset ${DEMO_DATASET} --prompt ${o.prompt}@<version> --assert icontains --fail-on-regression`,
    )
  } else lines.push(`  dataset    ${DEMO_DATASET}: the run could not start (${JSON.stringify(run.body)})`)
  const gen = await api('POST', '/api/v1/recommendations/generate', { window: `${o.days ?? 7}d` })
  if (gen.status !== 200) {
    lines.push(`  optimize   no recommendations: ${JSON.stringify(gen.body)}`)
    return `${lines.join('\n')}\n`
  }
  const rules = (
    gen.body as { rules: { created: StoredRecommendation[]; refreshed: StoredRecommendation[] } }
  ).rules
  const open = [...rules.created, ...rules.refreshed].sort((a, b) => RANK[a.priority] - RANK[b.priority])
  const appliable = open.find((r) => (r.proposal as { kind: string }).kind !== 'manual')
  lines.push(`  optimize   ${open.length} recommendations from the week's traffic (chatlens optimize list)`)
  if (appliable)
    lines.push(
      `             apply "${appliable.title}" end to end: chatlens optimize apply ${appliable.id}`,
      `             (a new ${o.prompt} version in an experiment against production; chatlens optimize promotes it only if the statistics say ship)`,
    )
  return `${lines.join('\n')}\n`
}
