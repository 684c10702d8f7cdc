import type { Queryable, SqlValue } from '../db.js'
import { parseJson, parseJsonOrNull, placeholders, selectByIds, upsertRows } from './sql.js'

/** A dataset: a named, versioned list of examples. */
export type StoredDataset = {
  id: string
  name: string
  description: string | null
  latestVersion: number
  /** Items in the latest version. */
  itemCount: number
  metadata: Record<string, unknown>
  createdBy: string | null
  createdAt: number
  updatedAt: number
}

export type StoredDatasetVersion = {
  version: number
  note: string | null
  itemCount: number
  added: number
  removed: number
  createdBy: string | null
  createdAt: number
}

/** One example, as valid for the dataset versions [validFrom, validTo). */
export type StoredDatasetItem = {
  id: string
  /** The user's query as text, or { query?, messages?, variables? }. */
  input: unknown
  expected: unknown
  context: string[]
  /** Assertions that apply to this item only, as given. */
  assertions: unknown[]
  metadata: Record<string, unknown>
  sourceTraceId: string | null
  /** Order of the item in its dataset. */
  position: number
  validFrom: number
  validTo: number | null
  createdAt: number
}

type Row = Record<string, SqlValue>

const toDataset = (r: Row): StoredDataset => ({
  id: r.id as string,
  name: r.name as string,
  description: r.description as string | null,
  latestVersion: Number(r.latest_version),
  itemCount: Number(r.item_count),
  metadata: parseJson(r.metadata, {}),
  createdBy: r.created_by as string | null,
  createdAt: Number(r.created_at),
  updatedAt: Number(r.updated_at),
})

const toItem = (r: Row): StoredDatasetItem => ({
  id: r.id as string,
  input: parseJsonOrNull(r.input),
  expected: parseJsonOrNull(r.expected),
  context: parseJson<string[]>(r.context, []),
  assertions: parseJson<unknown[]>(r.assertions, []),
  metadata: parseJson(r.metadata, {}),
  sourceTraceId: r.source_trace_id as string | null,
  position: Number(r.position),
  validFrom: Number(r.valid_from),
  validTo: r.valid_to === null ? null : Number(r.valid_to),
  createdAt: Number(r.created_at),
})

export async function insertDataset(tx: Queryable, projectId: string, d: StoredDataset): Promise<void> {
  await tx.run(
    `INSERT INTO datasets (project_id, id, name, description, latest_version, item_count, metadata, created_by,
       created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [
      projectId,
      d.id,
      d.name,
      d.description,
      d.latestVersion,
      d.itemCount,
      JSON.stringify(d.metadata),
      d.createdBy,
      d.createdAt,
      d.updatedAt,
    ],
  )
}

/** A dataset by id, or by name when no id matches. */
export async function getDataset(
  db: Queryable,
  projectId: string,
  ref: string,
): Promise<StoredDataset | undefined> {
  const row =
    (await db.get<Row>('SELECT * FROM datasets WHERE project_id = ? AND id = ?', [projectId, ref])) ??
    (await db.get<Row>('SELECT * FROM datasets WHERE project_id = ? AND name = ?', [projectId, ref]))
  return row && toDataset(row)
}

export async function listDatasets(db: Queryable, projectId: string): Promise<StoredDataset[]> {
  const rows = await db.all<Row>('SELECT * FROM datasets WHERE project_id = ? ORDER BY name', [projectId])
  return rows.map(toDataset)
}

export async function saveDatasetHead(
  tx: Queryable,
  projectId: string,
  id: string,
  head: { latestVersion: number; itemCount: number; updatedAt: number },
): Promise<void> {
  await tx.run(
    'UPDATE datasets SET latest_version = ?, item_count = ?, updated_at = ? WHERE project_id = ? AND id = ?',
    [head.latestVersion, head.itemCount, head.updatedAt, projectId, id],
  )
}

export async function insertDatasetVersion(
  tx: Queryable,
  projectId: string,
  datasetId: string,
  v: StoredDatasetVersion,
): Promise<void> {
  await tx.run(
    `INSERT INTO dataset_versions (project_id, dataset_id, version, note, item_count, added, removed, created_by,
       created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    [projectId, datasetId, v.version, v.note, v.itemCount, v.added, v.removed, v.createdBy, v.createdAt],
  )
}

/** Newest first. */
export async function listDatasetVersions(
  db: Queryable,
  projectId: string,
  datasetId: string,
): Promise<StoredDatasetVersion[]> {
  const rows = await db.all<Row>(
    'SELECT * FROM dataset_versions WHERE project_id = ? AND dataset_id = ? ORDER BY version DESC',
    [projectId, datasetId],
  )
  return rows.map((r) => ({
    version: Number(r.version),
    note: r.note as string | null,
    itemCount: Number(r.item_count),
    added: Number(r.added),
    removed: Number(r.removed),
    createdBy: r.created_by as string | null,
    createdAt: Number(r.created_at),
  }))
}

// biome-ignore format: a table of column names
const ITEM_COLUMNS = [
  'project_id', 'dataset_id', 'id', 'valid_from', 'valid_to', 'position', 'input', 'expected', 'context',
  'assertions', 'metadata', 'source_trace_id', 'created_at',
] as const

export async function insertDatasetItems(
  tx: Queryable,
  projectId: string,
  datasetId: string,
  items: readonly StoredDatasetItem[],
): Promise<void> {
  const rows = items.map((i) => ({
    project_id: projectId,
    dataset_id: datasetId,
    id: i.id,
    valid_from: i.validFrom,
    valid_to: i.validTo,
    position: i.position,
    input: JSON.stringify(i.input),
    expected: i.expected === null || i.expected === undefined ? null : JSON.stringify(i.expected),
    context: JSON.stringify(i.context),
    assertions: JSON.stringify(i.assertions),
    metadata: JSON.stringify(i.metadata),
    source_trace_id: i.sourceTraceId,
    created_at: i.createdAt,
  }))
  await upsertRows(tx, 'dataset_items', ITEM_COLUMNS, ['project_id', 'dataset_id', 'id', 'valid_from'], rows)
}

/** Ends the validity of the current rows of these items at `version`; returns how many there were. */
export async function closeDatasetItems(
  tx: Queryable,
  projectId: string,
  datasetId: string,
  ids: readonly string[],
  version: number,
): Promise<number> {
  let closed = 0
  await selectByIds(ids, async (chunk) => {
    const r = await tx.run(
      `UPDATE dataset_items SET valid_to = ? WHERE project_id = ? AND dataset_id = ? AND valid_to IS NULL
       AND id IN (${placeholders(chunk.length)})`,
      [version, projectId, datasetId, ...chunk],
    )
    closed += r.changes
    return []
  })
  return closed
}

/** The items of one version of a dataset, in their order. */
export async function listDatasetItems(
  db: Queryable,
  projectId: string,
  datasetId: string,
  version: number,
): Promise<StoredDatasetItem[]> {
  const rows = await db.all<Row>(
    `SELECT * FROM dataset_items WHERE project_id = ? AND dataset_id = ? AND valid_from <= ?
     AND (valid_to IS NULL OR valid_to > ?) ORDER BY position, id`,
    [projectId, datasetId, version, version],
  )
  return rows.map(toItem)
}

/** The next free position at the end of a dataset. */
export async function nextItemPosition(tx: Queryable, projectId: string, datasetId: string): Promise<number> {
  const row = await tx.get<{ p: number | null }>(
    'SELECT MAX(position) AS p FROM dataset_items WHERE project_id = ? AND dataset_id = ?',
    [projectId, datasetId],
  )
  return row?.p === null || row?.p === undefined ? 0 : Number(row.p) + 1
}

/** Removes a dataset with its versions, items and runs. */
export async function deleteDataset(tx: Queryable, projectId: string, id: string): Promise<boolean> {
  for (const table of ['dataset_items', 'dataset_versions'])
    await tx.run(`DELETE FROM ${table} WHERE project_id = ? AND dataset_id = ?`, [projectId, id])
  await tx.run(
    'DELETE FROM dataset_run_items WHERE project_id = ? AND run_id IN (SELECT id FROM dataset_runs WHERE project_id = ? AND dataset_id = ?)',
    [projectId, projectId, id],
  )
  await tx.run('DELETE FROM dataset_runs WHERE project_id = ? AND dataset_id = ?', [projectId, id])
  return (await tx.run('DELETE FROM datasets WHERE project_id = ? AND id = ?', [projectId, id])).changes > 0
}
