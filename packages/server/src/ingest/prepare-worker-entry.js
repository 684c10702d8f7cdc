// Entry of the ingest worker thread: loads its TypeScript through tsx, whatever started the
// main thread (the chatlens CLI, a test runner, plain node).
import { register } from 'tsx/esm/api'

register()
await import('./prepare-worker.ts')
