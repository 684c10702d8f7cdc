/** Defaults and limits of the SDK. Units are in the names. */

export const DEFAULT_BASE_URL = 'http://127.0.0.1:4747'
export const INGEST_PATH = '/api/v1/ingest'

/** Send a batch as soon as this many events are queued. */
export const FLUSH_AT = 200
/** Otherwise send what is queued at least this often. */
export const FLUSH_INTERVAL_MS = 1000
/** Events held in memory at most; beyond it new events are dropped and counted. */
export const MAX_QUEUE_SIZE = 10_000
/** Retries of one batch after a retryable failure before it is given up. */
export const MAX_RETRIES = 10
export const REQUEST_TIMEOUT_MS = 10_000
/** How long flush() and shutdown() wait at most before they resolve. */
export const FLUSH_TIMEOUT_MS = 15_000
export const RETRY_BASE_DELAY_MS = 500
export const RETRY_MAX_DELAY_MS = 30_000
/** A server asking for a longer pause than this is still retried after this long. */
export const RETRY_AFTER_MAX_MS = 60_000

/** The server accepts 1000 events and 10 MB per request; stay well under both. */
export const MAX_BATCH_EVENTS = 500
/** JSON characters per request: at most 3 bytes each in UTF-8, so under 10 MB in the worst case. */
export const MAX_BATCH_CHARS = 3_000_000

/** Limits of the ingestion schema, applied before sending so one field never sinks an event. */
export const ID_MAX_CHARS = 200
export const NAME_MAX_CHARS = 500
export const SHORT_TEXT_MAX_CHARS = 200
export const ERROR_MAX_CHARS = 10_000
export const COMMENT_MAX_CHARS = 10_000
export const TAGS_MAX_COUNT = 50
/** Serialized UTF-8 size of one input, output or parameters value (server limit 1,000,000). */
export const PAYLOAD_MAX_BYTES = 990_000
/** Serialized UTF-8 size of one metadata object (server limit 64,000). */
export const METADATA_MAX_BYTES = 63_000
/** How much of an oversized payload is kept, as a string. */
export const TRUNCATED_PREVIEW_CHARS = 10_000
