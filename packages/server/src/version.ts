import { createRequire } from 'node:module'

/** The chatlens package version. */
export const VERSION: string = createRequire(import.meta.url)('../package.json').version
