import type { Queryable, SqlValue } from '../db.js'
import type { PromptMessage, StoredPromptVersion } from './prompts.js'
import { parseJson } from './sql.js'

type VersionRow = Record<string, SqlValue> & { name: string; version: number; created_at: number }

const toVersion = (r: VersionRow): StoredPromptVersion => ({
  name: r.name,
  version: Number(r.version),
  messages: parseJson<PromptMessage[]>(r.messages, []),
  model: r.model as string | null,
  temperature: r.temperature as number | null,
  maxTokens: r.max_tokens === null ? null : Number(r.max_tokens),
  parameters: parseJson<Record<string, unknown>>(r.parameters, {}),
  variables: parseJson<string[]>(r.variables, []),
  commitMessage: r.commit_message as string | null,
  author: r.author as string | null,
  createdBy: r.created_by as string | null,
  createdAt: Number(r.created_at),
})

export async function insertPromptVersion(
  tx: Queryable,
  projectId: string,
  v: StoredPromptVersion,
): Promise<void> {
  await tx.run(
    `INSERT INTO prompt_versions (project_id, name, version, messages, model, temperature, max_tokens,
       parameters, variables, commit_message, author, created_by, created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      projectId,
      v.name,
      v.version,
      JSON.stringify(v.messages),
      v.model,
      v.temperature,
      v.maxTokens,
      JSON.stringify(v.parameters),
      JSON.stringify(v.variables),
      v.commitMessage,
      v.author,
      v.createdBy,
      v.createdAt,
    ],
  )
}

export async function getPromptVersion(
  db: Queryable,
  projectId: string,
  name: string,
  version: number,
): Promise<StoredPromptVersion | undefined> {
  const row = await db.get<VersionRow>(
    'SELECT * FROM prompt_versions WHERE project_id = ? AND name = ? AND version = ?',
    [projectId, name, version],
  )
  return row && toVersion(row)
}

/** Versions of a prompt, newest first. */
export async function listPromptVersions(
  db: Queryable,
  projectId: string,
  name: string,
  page: { limit: number; before?: number },
): Promise<StoredPromptVersion[]> {
  const rows = await db.all<VersionRow>(
    `SELECT * FROM prompt_versions WHERE project_id = ? AND name = ? AND version < ?
     ORDER BY version DESC LIMIT ?`,
    [projectId, name, page.before ?? Number.MAX_SAFE_INTEGER, page.limit],
  )
  return rows.map(toVersion)
}
