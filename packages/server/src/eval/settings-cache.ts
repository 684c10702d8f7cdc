import { type EvaluationSettings, ProjectSettings } from '../model/index.js'
import { type Db, getProject, type Queryable } from '../store/index.js'

const SETTINGS_TTL_MS = 10_000

/** Project evaluation settings, re-read every few seconds so edits apply without a restart. */
export class SettingsCache {
  private readonly cache = new Map<string, { settings: EvaluationSettings; until: number }>()

  async get(db: Db | Queryable, projectId: string, now = Date.now()): Promise<EvaluationSettings> {
    const hit = this.cache.get(projectId)
    if (hit && hit.until > now) return hit.settings
    const project = await getProject(db, projectId)
    const settings = (project?.settings ?? ProjectSettings.parse({})).evaluation
    this.cache.set(projectId, { settings, until: now + SETTINGS_TTL_MS })
    return settings
  }

  invalidate(projectId?: string): void {
    if (projectId) this.cache.delete(projectId)
    else this.cache.clear()
  }
}
