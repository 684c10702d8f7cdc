import { createDefaultAlertRules } from '../alerts/defaults.js'
import { newId } from '../model/ids.js'
import { type ApiKey, ApiKeyCreate, type Project, ProjectSettings } from '../model/index.js'
import { type Db, insertApiKey, insertProject, listProjects } from '../store/index.js'
import { displayPrefix, hashSecret, newSecret } from './keys.js'

export type CreatedKey = { key: ApiKey; secret: string }

export async function createProject(db: Db, name: string): Promise<Project> {
  const project: Project = { id: newId(), name, settings: ProjectSettings.parse({}), createdAt: Date.now() }
  await insertProject(db, project)
  await createDefaultAlertRules(db, project.id)
  return project
}

/** Creates a key; the secret is returned here once and only its hash is stored. */
export async function createApiKey(
  db: Db,
  projectId: string,
  input: Partial<ApiKeyCreate> = {},
): Promise<CreatedKey> {
  const { name, scopes } = ApiKeyCreate.parse(input)
  const secret = newSecret()
  const key: ApiKey = {
    id: newId(),
    projectId,
    name,
    prefix: displayPrefix(secret),
    scopes: [...new Set(scopes)],
    createdAt: Date.now(),
    lastUsedAt: null,
    revokedAt: null,
  }
  await insertApiKey(db, key, hashSecret(secret))
  return { key, secret }
}

/**
 * The project a single-team install works in: the first one, created with an admin key on
 * first start. `created` carries that key's secret, to be shown once.
 */
export async function ensureDefaultProject(db: Db): Promise<{ project: Project; created?: CreatedKey }> {
  const [first] = await listProjects(db)
  if (first) return { project: first }
  const project = await createProject(db, 'default')
  const created = await createApiKey(db, project.id, {
    name: 'admin (created on first start)',
    scopes: ['admin'],
  })
  return { project, created }
}
