import Database from 'better-sqlite3'

/** Pages copied per step of an online backup; the writer can commit between steps. */
const PAGES_PER_STEP = 256

export type BackupResult = { pages: number; bytes: number; traces: number; check: string }

/**
 * Copies the SQLite store at `file` to the new file `dest` with SQLite's online backup, page by
 * page, while a server may go on writing to it: the copy is the state at one instant (a step that
 * sees a commit restarts from there). Then checks the copy (quick_check) and counts its traces.
 */
export async function backupSqlite(
  file: string,
  dest: string,
  options: { onProgress?: (done: number, total: number) => void; pagesPerStep?: number } = {},
): Promise<BackupResult> {
  const { onProgress, pagesPerStep = PAGES_PER_STEP } = options
  const source = new Database(file, { readonly: true, fileMustExist: true })
  try {
    const { totalPages } = await source.backup(dest, {
      progress({ totalPages: total, remainingPages }) {
        onProgress?.(total - remainingPages, total)
        return pagesPerStep
      },
    })
    onProgress?.(totalPages, totalPages)
  } finally {
    source.close()
  }
  const copy = new Database(dest, { readonly: true, fileMustExist: true })
  try {
    const pageSize = Number(copy.pragma('page_size', { simple: true }))
    const pages = Number(copy.pragma('page_count', { simple: true }))
    const check = String(copy.pragma('quick_check', { simple: true }))
    const traces = Number((copy.prepare('SELECT COUNT(*) AS n FROM traces').get() as { n: number }).n)
    return { pages, bytes: pages * pageSize, traces, check }
  } finally {
    copy.close()
  }
}
