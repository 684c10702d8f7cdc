import { newId } from '../model/ids.js'
import { invalid, notFound, ServiceError } from '../prompts/errors.js'
import {
  closeDatasetItems,
  type Db,
  getDataset,
  insertDataset,
  insertDatasetItems,
  insertDatasetVersion,
  listDatasetItems,
  lockKeys,
  nextItemPosition,
  type Queryable,
  type StoredDataset,
  type StoredDatasetItem,
  saveDatasetHead,
} from '../store/index.js'
import type { DatasetCreateBody, ItemBody } from './schemas.js'

export async function requireDataset(db: Queryable, projectId: string, ref: string): Promise<StoredDataset> {
  const dataset = await getDataset(db, projectId, ref)
  if (!dataset) throw notFound('dataset', ref)
  return dataset
}

/** The items of a version (the latest by default), refusing versions the dataset never had. */
export async function datasetItems(
  db: Queryable,
  projectId: string,
  dataset: StoredDataset,
  version = dataset.latestVersion,
): Promise<StoredDatasetItem[]> {
  if (version < 1 || version > dataset.latestVersion)
    throw invalid(
      'version_not_found',
      'version',
      `dataset ${dataset.name} has versions 1 to ${dataset.latestVersion}`,
    )
  return listDatasetItems(db, projectId, dataset.id, version)
}

function duplicateIds(items: readonly ItemBody[]): void {
  const seen = new Set<string>()
  items.forEach((item, i) => {
    if (item.id === undefined) return
    if (seen.has(item.id))
      throw invalid('duplicate_item', `items.${i}.id`, `item id ${JSON.stringify(item.id)} appears twice`)
    seen.add(item.id)
  })
}

const toStored = (
  item: ItemBody,
  at: { version: number; position: number; now: number },
): StoredDatasetItem => ({
  id: item.id ?? newId(at.now),
  input: item.input,
  expected: item.expected ?? null,
  context: item.context ?? [],
  assertions: item.assertions ?? [],
  metadata: item.metadata ?? {},
  sourceTraceId: typeof item.metadata?.sourceTraceId === 'string' ? item.metadata.sourceTraceId : null,
  position: at.position,
  validFrom: at.version,
  validTo: null,
  createdAt: at.now,
})

/** Creates a dataset; its version 1 holds the items given (possibly none). */
export async function createDataset(
  db: Db,
  projectId: string,
  body: DatasetCreateBody,
  by: string | null,
  now = Date.now(),
): Promise<StoredDataset> {
  const items = body.items ?? []
  duplicateIds(items)
  if (await getDataset(db, projectId, body.name))
    throw new ServiceError(
      'conflict',
      'dataset_exists',
      `a dataset named ${JSON.stringify(body.name)} exists`,
      { field: 'name' },
    )
  const id = newId(now)
  await db.transaction(async (tx) => {
    await lockKeys(tx, [`dataset-name:${projectId}:${body.name}`])
    if (await getDataset(tx, projectId, body.name))
      throw new ServiceError(
        'conflict',
        'dataset_exists',
        `a dataset named ${JSON.stringify(body.name)} exists`,
        { field: 'name' },
      )
    const dataset: StoredDataset = {
      id,
      name: body.name,
      description: body.description ?? null,
      latestVersion: 1,
      itemCount: items.length,
      metadata: body.metadata ?? {},
      createdBy: by,
      createdAt: now,
      updatedAt: now,
    }
    await insertDataset(tx, projectId, dataset)
    const stored = items.map((item, position) => toStored(item, { version: 1, position, now }))
    await insertDatasetItems(tx, projectId, id, stored)
    await insertDatasetVersion(tx, projectId, id, {
      version: 1,
      note: 'created',
      itemCount: items.length,
      added: items.length,
      removed: 0,
      createdBy: by,
      createdAt: now,
    })
  })
  return requireDataset(db, projectId, id)
}

export type ItemChange = { upsert?: readonly ItemBody[]; remove?: readonly string[]; note?: string }

/**
 * Makes a new version: items with an id the dataset holds replace it, others are added, `remove`
 * drops items. Earlier versions stay readable as they were.
 */
export async function changeItems(
  db: Db,
  projectId: string,
  ref: string,
  change: ItemChange,
  by: string | null,
  now = Date.now(),
): Promise<{ dataset: StoredDataset; version: number; added: number; replaced: number; removed: number }> {
  const upsert = change.upsert ?? []
  const remove = change.remove ?? []
  duplicateIds(upsert)
  const { id } = await requireDataset(db, projectId, ref)
  const counts = await db.transaction(async (tx) => {
    await lockKeys(tx, [`dataset:${projectId}:${id}`])
    const head = (await getDataset(tx, projectId, id))!
    const version = head.latestVersion + 1
    const current = new Map(
      (await listDatasetItems(tx, projectId, id, head.latestVersion)).map((i) => [i.id, i]),
    )
    remove.forEach((itemId, i) => {
      if (!current.has(itemId))
        throw invalid(
          'item_not_found',
          `ids.${i}`,
          `dataset ${head.name} has no item ${JSON.stringify(itemId)}`,
        )
    })
    let position = await nextItemPosition(tx, projectId, id)
    const replacedIds = upsert.filter((i) => i.id !== undefined && current.has(i.id)).map((i) => i.id!)
    await closeDatasetItems(tx, projectId, id, [...replacedIds, ...remove], version)
    const stored = upsert.map((item) => {
      const old = item.id === undefined ? undefined : current.get(item.id)
      return toStored(item, { version, position: old ? old.position : position++, now })
    })
    await insertDatasetItems(tx, projectId, id, stored)
    const added = upsert.length - replacedIds.length
    const itemCount = current.size + added - remove.length
    await insertDatasetVersion(tx, projectId, id, {
      version,
      note: change.note ?? null,
      itemCount,
      added,
      removed: remove.length,
      createdBy: by,
      createdAt: now,
    })
    await saveDatasetHead(tx, projectId, id, { latestVersion: version, itemCount, updatedAt: now })
    return { version, added, replaced: replacedIds.length, removed: remove.length }
  })
  return { dataset: await requireDataset(db, projectId, id), ...counts }
}
