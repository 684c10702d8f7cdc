import type { Queryable } from '../db.js'

export type PromptRole = 'system' | 'user' | 'assistant'
export type PromptMessage = { role: PromptRole; content: string }

/** A prompt of the registry: a name, its newest version number and where its labels point. */
export type StoredPrompt = {
  name: string
  description: string | null
  latestVersion: number
  /** label → version; `latest` is implicit and not listed here. */
  labels: Record<string, number>
  createdAt: number
  updatedAt: number
}

/** One immutable version of a prompt. */
export type StoredPromptVersion = {
  name: string
  version: number
  messages: PromptMessage[]
  model: string | null
  temperature: number | null
  maxTokens: number | null
  /** Other request parameters passed to the model as they are (top_p, stop, …). */
  parameters: Record<string, unknown>
  /** The {{variables}} its messages use, in order of first appearance. */
  variables: string[]
  commitMessage: string | null
  author: string | null
  /** The API key (or local token) that created it. */
  createdBy: string | null
  createdAt: number
}

type PromptRow = {
  name: string
  description: string | null
  latest_version: number
  created_at: number
  updated_at: number
}
type LabelRow = { name: string; label: string; version: number }

function toPrompt(r: PromptRow, labels: LabelRow[]): StoredPrompt {
  return {
    name: r.name,
    description: r.description,
    latestVersion: Number(r.latest_version),
    labels: Object.fromEntries(
      labels.filter((l) => l.name === r.name).map((l) => [l.label, Number(l.version)]),
    ),
    createdAt: Number(r.created_at),
    updatedAt: Number(r.updated_at),
  }
}

export async function getPrompt(
  db: Queryable,
  projectId: string,
  name: string,
): Promise<StoredPrompt | undefined> {
  const row = await db.get<PromptRow>('SELECT * FROM prompts WHERE project_id = ? AND name = ?', [
    projectId,
    name,
  ])
  if (!row) return undefined
  const labels = await db.all<LabelRow>(
    'SELECT name, label, version FROM prompt_labels WHERE project_id = ? AND name = ? ORDER BY label',
    [projectId, name],
  )
  return toPrompt(row, labels)
}

/** Every prompt of a project by name, with its labels and number of versions. */
export async function listPrompts(
  db: Queryable,
  projectId: string,
): Promise<(StoredPrompt & { versionCount: number })[]> {
  const rows = await db.all<PromptRow & { versions: number }>(
    `SELECT p.*, (SELECT COUNT(*) FROM prompt_versions v WHERE v.project_id = p.project_id AND v.name = p.name)
       AS versions FROM prompts p WHERE p.project_id = ? ORDER BY p.name`,
    [projectId],
  )
  const labels = await db.all<LabelRow>(
    'SELECT name, label, version FROM prompt_labels WHERE project_id = ? ORDER BY name, label',
    [projectId],
  )
  return rows.map((r) => ({ ...toPrompt(r, labels), versionCount: Number(r.versions) }))
}

/** Creates the prompt row on its first version, or moves its newest version number. */
export async function savePromptHead(
  tx: Queryable,
  projectId: string,
  p: { name: string; description: string | null | undefined; latestVersion: number; now: number },
): Promise<void> {
  await tx.run(
    `INSERT INTO prompts (project_id, name, description, latest_version, created_at, updated_at)
     VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (project_id, name) DO UPDATE SET latest_version = excluded.latest_version,
       updated_at = excluded.updated_at, description = COALESCE(excluded.description, prompts.description)`,
    [projectId, p.name, p.description ?? null, p.latestVersion, p.now, p.now],
  )
}

/** Points `label` at `version` (creating the label or moving it). */
export async function setPromptLabel(
  tx: Queryable,
  projectId: string,
  l: { name: string; label: string; version: number; now: number; by: string | null },
): Promise<void> {
  await tx.run(
    `INSERT INTO prompt_labels (project_id, name, label, version, updated_at, updated_by) VALUES (?, ?, ?, ?, ?, ?)
     ON CONFLICT (project_id, name, label) DO UPDATE SET version = excluded.version,
       updated_at = excluded.updated_at, updated_by = excluded.updated_by`,
    [projectId, l.name, l.label, l.version, l.now, l.by],
  )
}

export async function deletePromptLabel(
  db: Queryable,
  projectId: string,
  name: string,
  label: string,
): Promise<boolean> {
  const { changes } = await db.run(
    'DELETE FROM prompt_labels WHERE project_id = ? AND name = ? AND label = ?',
    [projectId, name, label],
  )
  return changes > 0
}
