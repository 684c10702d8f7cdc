/** Opaque keyset cursors: the sort value and the id of the last row of a page. */
export type Cursor = { t: number; id: string }

export function encodeCursor(c: Cursor): string {
  return Buffer.from(JSON.stringify([c.t, c.id])).toString('base64url')
}

export function decodeCursor(s: string): Cursor | null {
  try {
    const v = JSON.parse(Buffer.from(s, 'base64url').toString('utf8'))
    if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'string') return { t: v[0], id: v[1] }
  } catch {}
  return null
}

export type Page<T> = { data: T[]; nextCursor: string | null }

/** Builds a page from `limit + 1` fetched rows. */
export function toPage<T>(rows: T[], limit: number, key: (row: T) => Cursor): Page<T> {
  const more = rows.length > limit
  const data = more ? rows.slice(0, limit) : rows
  const last = data[data.length - 1]
  return { data, nextCursor: more && last ? encodeCursor(key(last)) : null }
}
