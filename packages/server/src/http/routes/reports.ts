import { Readable } from 'node:stream'
import type { FastifyInstance } from 'fastify'
import {
  buildReport,
  ExportQuery,
  exportInteractions,
  ReportQuery,
  reportHtml,
  reportMarkdown,
} from '../../analytics/index.js'
import type { AppDeps } from '../app.js'

const CONTENT_TYPES = {
  json: 'application/json; charset=utf-8',
  md: 'text/markdown; charset=utf-8',
  html: 'text/html; charset=utf-8',
}

/** The summary report in three formats, and the streaming export of interactions. */
export async function reportRoutes(app: FastifyInstance, deps: AppDeps) {
  app.get('/api/v1/reports', { config: { scope: 'read' } }, async (request, reply) => {
    const { days, format } = ReportQuery.parse(request.query)
    const report = await buildReport(deps.db, request.auth.projectId, { days })
    if (format === 'json') return report
    reply.type(CONTENT_TYPES[format])
    return format === 'md' ? reportMarkdown(report) : reportHtml(report)
  })

  app.get('/api/v1/export', { config: { scope: 'read' } }, async (request, reply) => {
    const q = ExportQuery.parse(request.query)
    const name = `chatlens-interactions-${new Date(q.window.from).toISOString().slice(0, 10)}.${q.format}`
    reply
      .type(q.format === 'csv' ? 'text/csv; charset=utf-8' : 'application/x-ndjson; charset=utf-8')
      .header('content-disposition', `attachment; filename="${name}"`)
    return reply.send(Readable.from(exportInteractions(deps.db, request.auth.projectId, q)))
  })
}
