/**
 * The one seam between chatlens and its databases. Repositories write portable SQL with `?`
 * placeholders; each engine's driver runs it. Times are epoch-ms integers, booleans 0/1 and
 * JSON text in both engines, so rows read back identically.
 */
export type Dialect = 'sqlite' | 'postgres'
export type SqlValue = string | number | bigint | null | Buffer
export type Params = readonly SqlValue[]

export interface Queryable {
  readonly dialect: Dialect
  all<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T[]>
  get<T = Record<string, unknown>>(sql: string, params?: Params): Promise<T | undefined>
  run(sql: string, params?: Params): Promise<{ changes: number }>
}

export interface Db extends Queryable {
  /**
   * Runs `fn` in one transaction and commits when it resolves. Inside, use only the `tx` it is
   * given: on SQLite the outer Db waits for the transaction to end, so using it would deadlock.
   */
  transaction<T>(fn: (tx: Queryable) => Promise<T>): Promise<T>
  /** Streams a large result without holding it in memory. */
  iterate<T = Record<string, unknown>>(sql: string, params?: Params, batchSize?: number): AsyncIterable<T>
  close(): Promise<void>
}

/** The highest number of `?` parameters one statement may carry on every engine. */
export const MAX_PARAMS_PER_STATEMENT = 30_000
