import { EVENT_BODIES, EventEnvelope } from '../../../server/src/model/index.js'

/** Checks an event the SDK sent against the server's own ingestion schemas. */
export function assertIngestible(event: unknown): void {
  const envelope = EventEnvelope.parse(event)
  EVENT_BODIES[envelope.type].parse(envelope.body)
}
