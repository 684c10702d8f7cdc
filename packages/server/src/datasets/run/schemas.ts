import { z } from 'zod'
import { ShortText } from '../../model/index.js'
import { Assertion } from '../assertions/index.js'
import { RunConfig } from './config.js'
import { RUN_EVALUATORS } from './evaluate.js'

export const RUN_REPEAT_MAX = 20
export const RUN_CONCURRENCY_MAX = 32
export const RUN_CONCURRENCY_DEFAULT = 4
export const RUN_RETRIES_DEFAULT = 2
/** Environment of a run's traces: dashboards of production traffic leave it out. */
export const EVAL_ENVIRONMENT = 'eval'

/** Body of a new run of a dataset. */
export const RunBody = z.object({
  name: ShortText.optional(),
  /** The dataset version to run (the latest by default). */
  datasetVersion: z.number().int().min(1).optional(),
  config: RunConfig.default({}),
  /** Checks applied to every item (items may carry their own too). */
  assertions: z.array(Assertion).max(50).default([]),
  evaluators: z.array(z.enum(RUN_EVALUATORS)).max(RUN_EVALUATORS.length).default(['heuristics']),
  /** Runs every item this many times, for models that do not answer the same twice. */
  repeat: z.number().int().min(1).max(RUN_REPEAT_MAX).default(1),
  /** Model calls at the same time. */
  concurrency: z.number().int().min(1).max(RUN_CONCURRENCY_MAX).default(RUN_CONCURRENCY_DEFAULT),
  /** Further attempts after a rate limit, timeout or server error. */
  retries: z.number().int().min(0).max(10).default(RUN_RETRIES_DEFAULT),
  environment: ShortText.min(1).default(EVAL_ENVIRONMENT),
  /** The judge model for LLM rubrics and judge evaluators (the provider's default otherwise). */
  judgeModel: ShortText.min(1).optional(),
})
export type RunBody = z.infer<typeof RunBody>
