import { invalid, resolvePromptVersion, ServiceError } from '../prompts/index.js'
import type { ExperimentVariant, Queryable, StoredExperiment } from '../store/index.js'
import { BUCKET_COUNT, type BucketRange, bucketOf, bucketRanges } from './assignment.js'
import type { VariantBody } from './schemas.js'

/** An experiment as the API returns it, with the bucket ranges every client assigns by. */
export type ExperimentView = StoredExperiment & {
  assignment: { hash: 'fnv1a32-fmix32'; buckets: number; ranges: BucketRange[] }
}

export function experimentView(e: StoredExperiment): ExperimentView {
  return {
    ...e,
    assignment: {
      hash: 'fnv1a32-fmix32',
      buckets: BUCKET_COUNT,
      ranges: bucketRanges(e.variants.map((v) => ({ key: v.key, weight: v.weight }))),
    },
  }
}

/** Pins each variant's prompt to a version (a label is resolved now) and checks it exists. */
export async function resolveVariants(
  db: Queryable,
  projectId: string,
  variants: readonly VariantBody[],
  field = 'variants',
): Promise<ExperimentVariant[]> {
  const out: ExperimentVariant[] = []
  for (const [i, v] of variants.entries()) {
    let prompt: ExperimentVariant['prompt'] = null
    if (v.prompt) {
      try {
        const version = await resolvePromptVersion(db, projectId, v.prompt.name, v.prompt)
        prompt = { name: version.name, version: version.version, label: v.prompt.label ?? null }
      } catch (err) {
        if (!(err instanceof ServiceError)) throw err
        const sub = err.details.field ?? 'name'
        throw invalid(err.code, `${field}.${i}.prompt.${sub}`, err.message)
      }
    }
    out.push({
      key: v.key,
      name: v.name ?? null,
      description: v.description ?? null,
      weight: v.weight,
      prompt,
      overrides: v.overrides ?? {},
    })
  }
  return out
}

/** The control must be a variant that gets traffic, or there is nothing to compare with. */
export function checkControl(variants: readonly ExperimentVariant[], control: string): void {
  const v = variants.find((x) => x.key === control)
  if (!v)
    throw invalid(
      'unknown_variant',
      'control',
      `"${control}" is not one of the variants (${variants.map((x) => x.key).join(', ')})`,
    )
  if (!(v.weight > 0)) throw invalid('invalid_control', 'control', `the control "${control}" has weight 0`)
}

/** What assigning a unit gives: the variant and what it changes, or no variant when not running. */
export type Assignment = {
  experimentKey: string
  unitId: string
  status: StoredExperiment['status']
  /** Null unless the experiment is running: show the default experience and record no exposure. */
  variant: string | null
  inExperiment: boolean
  /** The unit's bucket in [0, 10 000), the same in every process that knows the seed. */
  bucket: number
  config: ({ prompt: { name: string; version: number } | null } & ExperimentVariant['overrides']) | null
}

export function assignUnit(e: StoredExperiment, unitId: string): Assignment {
  const bucket = bucketOf(e.seed, unitId)
  const running = e.status === 'running'
  const range = bucketRanges(e.variants.map((v) => ({ key: v.key, weight: v.weight }))).find(
    (r) => bucket < r.end,
  )!
  const variant = running ? e.variants.find((v) => v.key === range.key)! : null
  return {
    experimentKey: e.key,
    unitId,
    status: e.status,
    variant: variant?.key ?? null,
    inExperiment: running,
    bucket,
    config: variant
      ? {
          prompt: variant.prompt && { name: variant.prompt.name, version: variant.prompt.version },
          ...variant.overrides,
        }
      : null,
  }
}
