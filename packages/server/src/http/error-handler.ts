import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify'
import { ZodError } from 'zod'
import { describeIssue } from '../ingest/validate.js'
import { MAX_BODY_BYTES } from '../model/index.js'
import { AppError } from './errors.js'

export type ErrorBody = { error: { code: string; message: string; [k: string]: unknown } }

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err
  if (err instanceof ZodError) {
    const { field, message } = describeIssue(err, '')
    return new AppError(400, 'invalid_request', message, { field })
  }
  const fe = err as FastifyError
  switch (fe.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new AppError(
        413,
        'payload_too_large',
        `request body is larger than ${MAX_BODY_BYTES} bytes; send smaller batches`,
      )
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', 'send JSON with content-type: application/json')
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return new AppError(400, 'invalid_json', 'the request body is empty; send a JSON object')
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new AppError(400, 'invalid_json', `the request body is not valid JSON: ${fe.message}`)
  }
  if (fe.statusCode === 400 && fe instanceof SyntaxError) {
    return new AppError(400, 'invalid_json', `the request body is not valid JSON: ${fe.message}`)
  }
  if (typeof fe.statusCode === 'number' && fe.statusCode >= 400 && fe.statusCode < 500) {
    return new AppError(fe.statusCode, 'bad_request', fe.message)
  }
  return new AppError(500, 'internal_error', 'internal error; the server log has the details')
}

export function handleError(err: unknown, request: FastifyRequest, reply: FastifyReply) {
  const e = toAppError(err)
  if (e.status >= 500) request.log.error({ err }, 'request failed')
  const body: ErrorBody = { error: { code: e.code, message: e.message, ...e.details } }
  return reply.status(e.status).send(body)
}
