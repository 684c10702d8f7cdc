import type { Dialect } from '../db.js'

/** Column types spelled per engine, so one migration file serves both. */
export type Types = {
  int: string
  real: string
  text: string
  serial: string
  /** Table suffix for small rows keyed by their primary key (one B-tree instead of two in SQLite). */
  withoutRowid: string
}

export const TYPES: Record<Dialect, Types> = {
  sqlite: {
    int: 'INTEGER',
    real: 'REAL',
    text: 'TEXT',
    serial: 'INTEGER PRIMARY KEY AUTOINCREMENT',
    withoutRowid: ' WITHOUT ROWID',
  },
  postgres: {
    int: 'BIGINT',
    real: 'DOUBLE PRECISION',
    text: 'TEXT',
    serial: 'BIGSERIAL PRIMARY KEY',
    withoutRowid: '',
  },
}

export type Migration = {
  /** Sortable and unique, e.g. "001-core". Never rename or edit one that has shipped. */
  id: string
  statements(t: Types, dialect: Dialect): string[]
}
