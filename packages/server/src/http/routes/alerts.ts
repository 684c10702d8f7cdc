import type { FastifyInstance } from 'fastify'
import { z } from 'zod'
import { AlertChannelBody, AlertRuleBody, checkProject, toDefinition } from '../../alerts/index.js'
import { newId } from '../../model/ids.js'
import {
  deleteAlertChannel,
  deleteAlertRule,
  getAlertRule,
  insertAlertChannel,
  insertAlertRules,
  listAlertChannels,
  listAlertEvents,
  listAlertRules,
  updateAlertRule,
} from '../../store/index.js'
import type { AppDeps } from '../app.js'
import { notFound } from '../errors.js'
import { PageQuery, QueryTime } from '../query.js'

const IdParams = z.object({ id: z.string().min(1).max(200) })
const EventQuery = z.object({
  from: QueryTime.optional(),
  to: QueryTime.optional(),
  ruleId: z.string().min(1).max(200).optional(),
  kind: z.enum(['firing', 'resolved']).optional(),
  ...PageQuery,
})

/** Alert rules, their history, notification channels, and an on-demand check. */
export async function alertRoutes(app: FastifyInstance, deps: AppDeps) {
  const read = { config: { scope: 'read' as const } }
  const admin = { config: { scope: 'admin' as const } }

  app.get('/api/v1/alerts/rules', read, async (request) => ({
    data: await listAlertRules(deps.db, request.auth.projectId),
  }))

  app.post('/api/v1/alerts/rules', admin, async (request, reply) => {
    const definition = toDefinition(AlertRuleBody.parse(request.body))
    const now = Date.now()
    const rule = {
      ...definition,
      id: newId(now),
      projectId: request.auth.projectId,
      defaultKey: null,
      createdAt: now,
    }
    await deps.db.transaction((tx) => insertAlertRules(tx, [rule]))
    return reply.status(201).send(await getAlertRule(deps.db, rule.projectId, rule.id))
  })

  app.get('/api/v1/alerts/rules/:id', read, async (request) => {
    const { id } = IdParams.parse(request.params)
    const rule = await getAlertRule(deps.db, request.auth.projectId, id)
    if (!rule) throw notFound('alert rule', id)
    return rule
  })

  /** Replaces a rule's definition; its state (firing or not) is kept. */
  app.put('/api/v1/alerts/rules/:id', admin, async (request) => {
    const { id } = IdParams.parse(request.params)
    const definition = toDefinition(AlertRuleBody.parse(request.body))
    if (!(await updateAlertRule(deps.db, request.auth.projectId, id, definition, Date.now())))
      throw notFound('alert rule', id)
    return getAlertRule(deps.db, request.auth.projectId, id)
  })

  app.delete('/api/v1/alerts/rules/:id', admin, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    if (!(await deleteAlertRule(deps.db, request.auth.projectId, id))) throw notFound('alert rule', id)
    return reply.status(204).send()
  })

  app.get('/api/v1/alerts/events', read, async (request) => {
    const { limit, cursor, ...filter } = EventQuery.parse(request.query)
    return listAlertEvents(deps.db, request.auth.projectId, filter, { limit, cursor })
  })

  /** Evaluates every rule now (as the server does every 30 s) and returns what changed. */
  app.post('/api/v1/alerts/check', admin, async (request) => {
    const result = await checkProject(deps.db, request.auth.projectId, {
      log: (line) => request.log.info(line),
    })
    return {
      events: result.events,
      rules: result.checks.map((c) => ({
        id: c.rule.id,
        name: c.rule.name,
        value: c.evaluation.value,
        sample: c.evaluation.sample,
        breaking: c.evaluation.breaking,
      })),
    }
  })

  app.get('/api/v1/alerts/channels', admin, async (request) => ({
    data: await listAlertChannels(deps.db, request.auth.projectId),
  }))

  app.post('/api/v1/alerts/channels', admin, async (request, reply) => {
    const body = AlertChannelBody.parse(request.body)
    const channel = {
      id: newId(),
      projectId: request.auth.projectId,
      name: body.name,
      type: body.type,
      url: body.url,
      enabled: body.enabled,
      createdAt: Date.now(),
    }
    await insertAlertChannel(deps.db, channel)
    return reply.status(201).send(channel)
  })

  app.delete('/api/v1/alerts/channels/:id', admin, async (request, reply) => {
    const { id } = IdParams.parse(request.params)
    if (!(await deleteAlertChannel(deps.db, request.auth.projectId, id))) throw notFound('alert channel', id)
    return reply.status(204).send()
  })
}
