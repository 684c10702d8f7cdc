import {
  type Db,
  getPrompt,
  getPromptVersion,
  insertPromptVersion,
  listPromptVersions,
  lockKeys,
  type Queryable,
  type StoredPrompt,
  type StoredPromptVersion,
  savePromptHead,
  setPromptLabel,
} from '../store/index.js'
import { invalid, notFound, ServiceError } from './errors.js'
import { DEFAULT_LABEL, LATEST_LABEL, type PromptVersionBody, type VersionSelector } from './schemas.js'
import { variablesOf } from './template.js'

/** A version as the API returns it: with the labels that point at it (`latest` included). */
export type PromptVersionView = StoredPromptVersion & { labels: string[] }

export function labelsOf(prompt: StoredPrompt, version: number): string[] {
  const labels = Object.entries(prompt.labels)
    .filter(([, v]) => v === version)
    .map(([label]) => label)
  return prompt.latestVersion === version ? [LATEST_LABEL, ...labels] : labels
}

const view = (prompt: StoredPrompt, v: StoredPromptVersion): PromptVersionView => ({
  ...v,
  labels: labelsOf(prompt, v.version),
})

/** Same messages and model settings: a new version would change nothing. */
function sameContent(v: StoredPromptVersion, body: PromptVersionBody): boolean {
  return (
    JSON.stringify(v.messages) ===
      JSON.stringify(body.messages.map((m) => ({ role: m.role, content: m.content }))) &&
    v.model === (body.model ?? null) &&
    v.temperature === (body.temperature ?? null) &&
    v.maxTokens === (body.maxTokens ?? null) &&
    JSON.stringify(v.parameters) === JSON.stringify(body.parameters ?? {})
  )
}

/**
 * Adds a version to a prompt (creating the prompt with version 1), numbered one past the newest,
 * and points the given labels at it. Versions never change once written. When the content equals
 * the newest version's, no version is added: that one is returned (created: false) and labelled,
 * so pushing the same prompt from code twice is harmless.
 */
export async function createPromptVersion(
  db: Db,
  projectId: string,
  name: string,
  body: PromptVersionBody,
  by: string | null,
  now = Date.now(),
): Promise<{ version: PromptVersionView; created: boolean }> {
  const { version, created } = await db.transaction(async (tx) => {
    // PostgreSQL: two writers of one prompt would both pick the same next number.
    await lockKeys(tx, [`prompt:${projectId}:${name}`])
    const head = await getPrompt(tx, projectId, name)
    const latest = head && (await getPromptVersion(tx, projectId, name, head.latestVersion))
    let stored = latest
    const fresh = !latest || !sameContent(latest, body)
    if (fresh) {
      stored = {
        name,
        version: (head?.latestVersion ?? 0) + 1,
        messages: body.messages.map((m) => ({ role: m.role, content: m.content })),
        model: body.model ?? null,
        temperature: body.temperature ?? null,
        maxTokens: body.maxTokens ?? null,
        parameters: body.parameters ?? {},
        variables: variablesOf(body.messages),
        commitMessage: body.commitMessage ?? null,
        author: body.author ?? null,
        createdBy: by,
        createdAt: now,
      }
      await insertPromptVersion(tx, projectId, stored)
    }
    if (fresh || body.description !== undefined) {
      await savePromptHead(tx, projectId, {
        name,
        description: body.description,
        latestVersion: stored!.version,
        now,
      })
    }
    for (const label of body.labels ?? [])
      await setPromptLabel(tx, projectId, { name, label, version: stored!.version, now, by })
    return { version: stored!, created: fresh }
  })
  const prompt = (await getPrompt(db, projectId, name))!
  return { version: view(prompt, version), created }
}

export async function requirePrompt(db: Queryable, projectId: string, name: string): Promise<StoredPrompt> {
  const prompt = await getPrompt(db, projectId, name)
  if (!prompt) throw notFound('prompt', name)
  return prompt
}

/** The version a selector names: a number, `latest`, or a label (production when none is given). */
export async function resolvePromptVersion(
  db: Queryable,
  projectId: string,
  name: string,
  selector: VersionSelector = {},
): Promise<PromptVersionView> {
  const prompt = await requirePrompt(db, projectId, name)
  let number = selector.version
  if (number === undefined) {
    const label = selector.label ?? DEFAULT_LABEL
    number = label === LATEST_LABEL ? prompt.latestVersion : prompt.labels[label]
    if (number === undefined) {
      throw new ServiceError(
        'not_found',
        'label_not_found',
        `prompt ${JSON.stringify(name)} has no version labelled ${JSON.stringify(label)}; ` +
          `label one (PUT /api/v1/prompts/${name}/labels/${label}) or ask for a version or label=latest`,
        { field: 'label' },
      )
    }
  }
  const version = await getPromptVersion(db, projectId, name, number)
  if (!version)
    throw new ServiceError(
      'not_found',
      'version_not_found',
      `prompt ${JSON.stringify(name)} has no version ${number}`,
      {
        field: 'version',
      },
    )
  return view(prompt, version)
}

/** Newest first; `before` pages back from a version number. */
export async function listVersions(
  db: Queryable,
  projectId: string,
  name: string,
  page: { limit: number; before?: number },
): Promise<PromptVersionView[]> {
  const prompt = await requirePrompt(db, projectId, name)
  return (await listPromptVersions(db, projectId, name, page)).map((v) => view(prompt, v))
}

/** Points a label at an existing version; `latest` is managed by chatlens itself. */
export async function movePromptLabel(
  db: Db,
  projectId: string,
  p: { name: string; label: string; version: number; by: string | null },
): Promise<StoredPrompt> {
  if (p.label === LATEST_LABEL)
    throw invalid('reserved_label', 'label', `"${LATEST_LABEL}" always points at the newest version`)
  await requirePrompt(db, projectId, p.name)
  if (!(await getPromptVersion(db, projectId, p.name, p.version)))
    throw invalid(
      'version_not_found',
      'version',
      `prompt ${JSON.stringify(p.name)} has no version ${p.version}`,
    )
  await db.transaction((tx) => setPromptLabel(tx, projectId, { ...p, now: Date.now() }))
  return requirePrompt(db, projectId, p.name)
}
