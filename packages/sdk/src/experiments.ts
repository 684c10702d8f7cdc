import { type Assignment, assignFrom, type ExperimentDefinition, notAssigned } from './assign.js'
import type { ServerReader } from './server-reader.js'
import { SwrCache } from './swr-cache.js'

/** How long a fetched experiment definition is used before it is refreshed in the background. */
export const EXPERIMENT_CACHE_TTL_MS = 60_000

export type AssignOptions = {
  /** Age after which the cached definition is refreshed in the background (default 60 s). */
  cacheTtlMs?: number
}

/** Assigns units from cached experiment definitions: one request per experiment and TTL, none per unit. */
export class Experiments {
  private readonly cache: SwrCache<ExperimentDefinition>

  constructor(
    private readonly reader: ServerReader,
    private readonly complain: (message: string) => void,
  ) {
    this.cache = new SwrCache<ExperimentDefinition>(
      (path) => reader.get<ExperimentDefinition>(path),
      (result, path) => reader.report(result, `cannot fetch experiment ${path}`),
    )
  }

  async assign(experimentKey: string, unitId: string, options: AssignOptions = {}): Promise<Assignment> {
    if (typeof experimentKey !== 'string' || !experimentKey || typeof unitId !== 'string' || !unitId) {
      this.complain('assign: experimentKey and unitId must be non-empty strings')
      return notAssigned(String(experimentKey), String(unitId), 'invalid_argument')
    }
    if (!this.reader.configured) return notAssigned(experimentKey, unitId, 'unavailable')
    const path = `/api/v1/experiments/${encodeURIComponent(experimentKey)}`
    const cached = await this.cache.get(path, options.cacheTtlMs ?? EXPERIMENT_CACHE_TTL_MS)
    return cached ? assignFrom(cached.value, unitId) : notAssigned(experimentKey, unitId, 'unavailable')
  }

  invalidate(): void {
    this.cache.clear()
  }
}
