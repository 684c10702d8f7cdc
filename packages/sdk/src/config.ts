import {
  DEFAULT_BASE_URL,
  FLUSH_AT,
  FLUSH_INTERVAL_MS,
  FLUSH_TIMEOUT_MS,
  MAX_QUEUE_SIZE,
  MAX_RETRIES,
  REQUEST_TIMEOUT_MS,
} from './constants.js'
import type { Exporter } from './exporter.js'
import type { OnError } from './report.js'

export type ChatlensOptions = {
  /** Project API key; defaults to CHATLENS_API_KEY. Without it (and without an exporter) nothing is sent. */
  apiKey?: string
  /** Server address; defaults to CHATLENS_URL, then http://127.0.0.1:4747. */
  baseUrl?: string
  /** Defaults for every trace: which chatbot, which release, which environment. */
  bot?: string
  version?: string
  environment?: string
  /** false turns the SDK into a pass-through; defaults to CHATLENS_ENABLED !== 'false'. */
  enabled?: boolean
  /** Where events go instead of the chatlens server, e.g. an InMemoryExporter in tests. */
  exporter?: Exporter
  /** Send as soon as this many events are queued (default 200). */
  flushAt?: number
  /** Send what is queued at least this often (default 1000 ms). */
  flushIntervalMs?: number
  /** Events held at most; newer events are dropped beyond it (default 10,000). */
  maxQueueSize?: number
  /** Retries of one batch on 408/429/5xx or network errors before giving up (default 10). */
  maxRetries?: number
  /** Timeout of one HTTP request (default 10,000 ms). */
  requestTimeoutMs?: number
  /** How long flush() and shutdown() wait at most (default 15,000 ms). */
  flushTimeoutMs?: number
  /** Receives every problem instead of the default one-time console.warn per kind. */
  onError?: OnError
  /**
   * Where times come from: epoch milliseconds for every timestamp and duration, instead of the
   * system clock. For simulations and back-filling (the chatlens demo replays a week of traffic
   * with it); leave unset in production.
   */
  clock?: { now(): number }
}

export type ResolvedConfig = {
  enabled: boolean
  apiKey: string | undefined
  baseUrl: string
  flushAt: number
  flushIntervalMs: number
  maxQueueSize: number
  maxRetries: number
  requestTimeoutMs: number
  flushTimeoutMs: number
}

type Env = Record<string, string | undefined>

function positive(
  v: unknown,
  name: string,
  fallback: number,
  complain: (m: string) => void,
  min = 1,
): number {
  if (v === undefined) return fallback
  if (typeof v === 'number' && Number.isFinite(v) && v >= min) return Math.floor(v)
  complain(`${name} must be a number ≥ ${min}; using ${fallback}`)
  return fallback
}

/** Options first, then the environment, then defaults. Never throws: bad values fall back. */
export function resolveConfig(o: ChatlensOptions, env: Env, complain: (m: string) => void): ResolvedConfig {
  const apiKey = o.apiKey ?? (env.CHATLENS_API_KEY || undefined)
  const wanted = o.enabled ?? env.CHATLENS_ENABLED?.toLowerCase() !== 'false'
  const canSend = apiKey !== undefined || o.exporter !== undefined
  if (wanted && !canSend && o.enabled === true)
    complain('enabled, but no apiKey or CHATLENS_API_KEY: nothing is sent')
  return {
    enabled: wanted && canSend,
    apiKey,
    baseUrl: o.baseUrl ?? (env.CHATLENS_URL || DEFAULT_BASE_URL),
    flushAt: Math.min(1000, positive(o.flushAt, 'flushAt', FLUSH_AT, complain)),
    flushIntervalMs: positive(o.flushIntervalMs, 'flushIntervalMs', FLUSH_INTERVAL_MS, complain),
    maxQueueSize: positive(o.maxQueueSize, 'maxQueueSize', MAX_QUEUE_SIZE, complain),
    maxRetries: positive(o.maxRetries, 'maxRetries', MAX_RETRIES, complain, 0),
    requestTimeoutMs: positive(o.requestTimeoutMs, 'requestTimeoutMs', REQUEST_TIMEOUT_MS, complain),
    flushTimeoutMs: positive(o.flushTimeoutMs, 'flushTimeoutMs', FLUSH_TIMEOUT_MS, complain),
  }
}
