import type { UsagePricer } from '../ingest/index.js'
import { createPricer } from '../ingest/pricer.js'
import { type Db, getProject } from '../store/index.js'

/** How long a project's price overrides are cached before being read again. */
const PRICER_TTL_MS = 10_000

/** One pricer per project, refreshed now and then so edited overrides apply without a restart. */
export class ProjectPricers {
  private readonly cache = new Map<string, { pricer: UsagePricer; until: number }>()
  constructor(private readonly db: Db) {}

  async get(projectId: string, now = Date.now()): Promise<UsagePricer> {
    const hit = this.cache.get(projectId)
    if (hit && hit.until > now) return hit.pricer
    const project = await getProject(this.db, projectId)
    const pricer = createPricer(project?.settings.priceOverrides ?? [])
    this.cache.set(projectId, { pricer, until: now + PRICER_TTL_MS })
    return pricer
  }

  invalidate(projectId: string): void {
    this.cache.delete(projectId)
  }
}
