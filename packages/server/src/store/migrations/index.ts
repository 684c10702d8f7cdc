import { core } from './001-core.js'
import { evaluation } from './010-evaluation.js'
import { analytics } from './020-analytics.js'
import { alerts } from './021-alerts.js'
import { prompts } from './030-prompts.js'
import { experiments } from './031-experiments.js'
import { datasets } from './040-datasets.js'
import { optimize } from './041-optimize.js'
import { ttftRange } from './042-ttft-range.js'
import { tagRollups } from './043-tag-rollups.js'
import type { Migration } from './types.js'

/** Every migration in the order it runs. Append new ones; never edit one that has shipped. */
export const MIGRATIONS: readonly Migration[] = [
  core,
  evaluation,
  analytics,
  alerts,
  prompts,
  experiments,
  datasets,
  optimize,
  ttftRange,
  tagRollups,
]

export type { Migration, Types } from './types.js'
export { TYPES } from './types.js'
