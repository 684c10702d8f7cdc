import { createHash, randomBytes } from 'node:crypto'

const SECRET_PREFIX = 'cl_'
const SECRET_BYTES = 30
const DISPLAY_PREFIX_CHARS = 10

/** A new API key secret: `cl_` and 40 url-safe characters (240 random bits). */
export function newSecret(): string {
  return SECRET_PREFIX + randomBytes(SECRET_BYTES).toString('base64url')
}

/**
 * Keys are long random secrets, so a fast hash is enough to store them safely (no dictionary
 * to guess from); a slow password hash would only slow every request down.
 */
export function hashSecret(secret: string): string {
  return createHash('sha256').update(secret).digest('hex')
}

export const displayPrefix = (secret: string) => secret.slice(0, DISPLAY_PREFIX_CHARS)
