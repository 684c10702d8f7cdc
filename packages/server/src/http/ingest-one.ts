import { ingestBatch } from '../ingest/index.js'
import { newId } from '../model/ids.js'
import type { AppDeps } from './app.js'
import { AppError } from './errors.js'

/**
 * Stores one entity through the ingestion path (same validation, merge and hooks as a batch),
 * for the REST routes that create a single score or feedback. Answers its id or a 400.
 */
export async function ingestOne(
  deps: AppDeps,
  projectId: string,
  type: 'score-create' | 'feedback-create',
  body: unknown,
): Promise<string> {
  const event = { id: newId(), type, body }
  const pricer = await deps.pricers.get(projectId)
  const { errors } = await ingestBatch(deps.db, { projectId, pricer, hooks: deps.hooks }, [event])
  const error = errors[0]
  if (error)
    throw new AppError(400, 'invalid_request', error.message.replace(/^body\./, ''), {
      field: error.field?.replace(/^body\./, ''),
    })
  const id = (body as { id?: unknown })?.id
  return typeof id === 'string' ? id : event.id
}
