import { type Project, ProjectSettings } from '../../model/index.js'
import type { Queryable } from '../db.js'

type ProjectRow = { id: string; name: string; settings: string; created_at: number }

const toProject = (r: ProjectRow): Project => ({
  id: r.id,
  name: r.name,
  settings: ProjectSettings.parse(JSON.parse(r.settings)),
  createdAt: r.created_at,
})

export async function insertProject(db: Queryable, p: Project): Promise<void> {
  await db.run('INSERT INTO projects (id, name, settings, created_at) VALUES (?, ?, ?, ?)', [
    p.id,
    p.name,
    JSON.stringify(p.settings),
    p.createdAt,
  ])
}

export async function getProject(db: Queryable, id: string): Promise<Project | undefined> {
  const row = await db.get<ProjectRow>('SELECT * FROM projects WHERE id = ?', [id])
  return row && toProject(row)
}

export async function listProjects(db: Queryable): Promise<Project[]> {
  return (await db.all<ProjectRow>('SELECT * FROM projects ORDER BY created_at, id')).map(toProject)
}

export async function updateProjectSettings(
  db: Queryable,
  id: string,
  settings: ProjectSettings,
): Promise<boolean> {
  const { changes } = await db.run('UPDATE projects SET settings = ? WHERE id = ?', [
    JSON.stringify(settings),
    id,
  ])
  return changes > 0
}
