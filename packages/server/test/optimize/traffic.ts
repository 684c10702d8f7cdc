import { randomUUID } from 'node:crypto'
import { ingestBatch, noHooks } from '../../src/ingest/index.js'
import { createPricer } from '../../src/ingest/pricer.js'
import { createPromptVersion } from '../../src/prompts/index.js'
import type { Db } from '../../src/store/index.js'

/** Seeded uniform numbers, so simulated traffic is the same on every run. */
export { mulberry32 as rng } from '../../src/util/random.js'

/** A normal draw (Box–Muller) clamped to 0..1, for quality scores. */
export function unitNormal(r: () => number, mean: number, sd: number): number {
  const z = Math.sqrt(-2 * Math.log(1 - r())) * Math.cos(2 * Math.PI * r())
  return Math.min(1, Math.max(0, mean + sd * z))
}

const ev = (type: string, body: Record<string, unknown>) => ({ id: randomUUID(), type, body })

export type Turn = {
  id?: string
  at: number
  input?: string
  output?: string
  environment?: string
  model?: string
  promptName?: string
  promptVersion?: number
  userId?: string
  sessionId?: string
  latencyMs?: number
  inputTokens?: number
  outputTokens?: number
  status?: 'ok' | 'error'
  errorType?: string
  quality?: number
  category?: string
  experiment?: { key: string; variant: string }
}

/** Traces (with a generation span for tokens and model) and their scores, through the ingest path. */
export async function ingestTurns(db: Db, projectId: string, turns: readonly Turn[]): Promise<void> {
  const events: unknown[] = []
  for (const t of turns) {
    const id = t.id ?? randomUUID()
    events.push(
      ev('trace-create', {
        id,
        timestamp: t.at,
        endTime: t.at + (t.latencyMs ?? 800),
        latencyMs: t.latencyMs ?? 800,
        input: t.input ?? 'Where is my order?',
        output: t.status === 'error' ? undefined : (t.output ?? 'On the Orders page.'),
        environment: t.environment ?? 'production',
        model: t.model ?? 'gpt-4o-mini',
        ...(t.inputTokens !== undefined && {
          inputTokens: t.inputTokens,
          outputTokens: t.outputTokens ?? 100,
        }),
        ...(t.promptName && { promptName: t.promptName, promptVersion: t.promptVersion }),
        ...(t.userId && { userId: t.userId }),
        ...(t.sessionId && { sessionId: t.sessionId }),
        ...(t.status === 'error' && {
          status: 'error',
          error: 'provider failed',
          errorType: t.errorType ?? 'provider_server',
        }),
        ...(t.experiment && { experimentKey: t.experiment.key, experimentVariant: t.experiment.variant }),
        evaluate: false,
      }),
    )
    if (t.quality !== undefined)
      events.push(
        ev('score-create', {
          traceId: id,
          name: 'quality',
          value: t.quality,
          source: 'heuristic',
          evaluator: 'quality',
        }),
      )
    if (t.category)
      events.push(
        ev('score-create', {
          traceId: id,
          name: 'category',
          value: t.category,
          dataType: 'categorical',
          source: 'judge',
          evaluator: 'judge-category',
        }),
      )
  }
  for (let i = 0; i < events.length; i += 900) {
    const r = await ingestBatch(
      db,
      { projectId, pricer: createPricer(), hooks: noHooks() },
      events.slice(i, i + 900),
    )
    if (r.errors.length) throw new Error(r.errors[0]!.message)
  }
}

/**
 * A project whose `support` prompt is in the registry (production) and whose billing answers
 * scored `quality` over the last hour: what the low-quality rule recommends tuning.
 */
export async function seedLowQualityBilling(
  db: Db,
  projectId: string,
  o: { turns: number; quality: number },
): Promise<void> {
  await createPromptVersion(
    db,
    projectId,
    'support',
    { messages: [{ role: 'system', content: 'You help.' }], labels: ['production'] },
    'test',
  )
  const at = Date.now() - 3_600_000
  await ingestTurns(
    db,
    projectId,
    Array.from({ length: o.turns }, (_, i) => ({
      at: at + i * 1000,
      userId: `u${i}`,
      quality: o.quality,
      category: 'billing',
      promptName: 'support',
      promptVersion: 1,
    })),
  )
}
