import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENGINES } from '../support/engines.js'
import { startTestServer, type TestServer } from '../support/server.js'
import { ingestAll, makeDataset, T0 } from './dataset.js'

const HOUR = 3_600_000

/** Parses Prometheus text into "name{labels}" → value. */
function parseProm(text: string): Map<string, number> {
  const out = new Map<string, number>()
  for (const line of text.split('\n')) {
    if (!line || line.startsWith('#')) continue
    const at = line.lastIndexOf(' ')
    out.set(line.slice(0, at), Number(line.slice(at + 1)))
  }
  return out
}

describe.each(ENGINES)('reports, export and /metrics on $name', (engine) => {
  let s: TestServer
  beforeAll(async () => {
    s = await startTestServer(engine)
    // Recent data, so "the last 7 days" of a report holds it.
    const shift = Math.floor((Date.now() - 2 * 86_400_000 - T0) / HOUR) * HOUR
    const events = makeDataset({ sessions: 50, hours: 30, prefix: 'o' }).map((e) => ({
      ...e,
      body: {
        ...e.body,
        ...(typeof e.body.timestamp === 'number' ? { timestamp: e.body.timestamp + shift } : {}),
        ...(typeof e.body.endedAt === 'number' ? { endedAt: e.body.endedAt + shift } : {}),
      },
    }))
    await ingestAll(s.store.db, s.projectId, events)
  })
  afterAll(() => s?.close())

  const sqlCount = async (sql: string, params: unknown[] = []) =>
    Number((await s.store.db.get<{ n: number }>(sql, params as never))!.n)

  it('writes a JSON report with usage, quality, latency, cost, alerts, trends and recommendations', async () => {
    const res = await s.call('GET', '/api/v1/reports?days=7&format=json', undefined, s.keys.read)
    expect(res.status).toBe(200)
    const r = res.body
    expect(r.overview.metrics.interactions).toBe(
      await sqlCount('SELECT COUNT(*) AS n FROM traces WHERE project_id = ?', [s.projectId]),
    )
    expect(r.costByModel.map((c: { model: string }) => c.model).sort()).toEqual(['gpt-4o', 'gpt-4o-mini'])
    expect(Array.isArray(r.recommendations)).toBe(true)
    expect(r.alerts).toHaveProperty('events')
    expect(r.topics.topics.length).toBeGreaterThan(0)
  })

  it('writes a Markdown report with every section', async () => {
    const res = await fetch(`${s.url}/api/v1/reports?days=7&format=md`, {
      headers: { authorization: `Bearer ${s.keys.read}` },
    })
    expect(res.headers.get('content-type')).toContain('text/markdown')
    const md = await res.text()
    for (const h of [
      '## Summary',
      '## Recommendations',
      '## Quality',
      '## Latency',
      '## Cost',
      '## Alerts',
      '## Trends',
      '## Top topics',
    ]) {
      expect(md).toContain(h)
    }
  })

  it('writes a self-contained HTML report with six inline SVG charts and nothing fetched', async () => {
    const res = await fetch(`${s.url}/api/v1/reports?days=7&format=html`, {
      headers: { authorization: `Bearer ${s.keys.read}` },
    })
    const html = await res.text()
    expect(res.headers.get('content-type')).toContain('text/html')
    expect(html.match(/<svg /g)?.length).toBe(6)
    for (const title of [
      'Quality over time',
      'Cost per conversation',
      'Latency histogram',
      'Response-time trend',
      'Quality vs latency',
      'Sentiment',
    ]) {
      expect(html).toContain(title)
    }
    expect(html).not.toMatch(/<script|<link|(src|href)=["']?https?:/i)
  })

  it('exports every interaction with its scores as JSONL and CSV', async () => {
    const total = await sqlCount('SELECT COUNT(*) AS n FROM traces WHERE project_id = ?', [s.projectId])
    const q = `window=7d`
    const jsonl = await (
      await fetch(`${s.url}/api/v1/export?format=jsonl&${q}`, {
        headers: { authorization: `Bearer ${s.keys.read}` },
      })
    ).text()
    const rows = jsonl
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(rows).toHaveLength(total)
    const scored = rows.find((r) => r.scores.quality !== undefined)
    const quality = await s.store.db.get<{ value: number }>(
      "SELECT value FROM scores WHERE project_id = ? AND trace_id = ? AND name = 'quality'",
      [s.projectId, scored.id],
    )
    expect(scored.scores.quality).toBe(quality!.value)

    const csvRes = await fetch(`${s.url}/api/v1/export?format=csv&${q}&bot=support`, {
      headers: { authorization: `Bearer ${s.keys.read}` },
    })
    expect(csvRes.headers.get('content-type')).toContain('text/csv')
    const lines = (await csvRes.text()).trim().split('\n')
    expect(lines[0]).toContain('score.quality')
    expect(lines[0]).toContain('score.relevance')
    expect(lines.length - 1).toBe(
      await sqlCount("SELECT COUNT(*) AS n FROM traces WHERE project_id = ? AND bot = 'support'", [
        s.projectId,
      ]),
    )
  })

  it('filters the export by category, which lives in the scores', async () => {
    const res = await fetch(`${s.url}/api/v1/export?format=jsonl&window=7d&category=billing&content=false`, {
      headers: { authorization: `Bearer ${s.keys.read}` },
    })
    const rows = (await res.text())
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l))
    expect(rows.every((r) => r.category === 'billing' && r.input === undefined)).toBe(true)
    const billing = await sqlCount(
      `SELECT COUNT(*) AS n FROM traces t WHERE t.project_id = ? AND (SELECT c.string_value FROM scores c
         WHERE c.project_id = t.project_id AND c.trace_id = t.id AND c.name = 'category' ORDER BY c.timestamp DESC, c.id DESC LIMIT 1) = 'billing'`,
      [s.projectId],
    )
    expect(rows).toHaveLength(billing)
  })

  it('serves Prometheus figures that equal direct SQL counts, to a key of the project', async () => {
    expect((await fetch(`${s.url}/metrics`)).status).toBe(401)
    const res = await fetch(`${s.url}/metrics`, { headers: { authorization: `Bearer ${s.keys.read}` } })
    expect(res.status).toBe(200)
    const m = parseProm(await res.text())
    for (const bot of ['support', 'sales']) {
      const ok = await sqlCount(
        "SELECT COUNT(*) AS n FROM traces WHERE project_id = ? AND bot = ? AND status = 'ok'",
        [s.projectId, bot],
      )
      const err = await sqlCount(
        "SELECT COUNT(*) AS n FROM traces WHERE project_id = ? AND bot = ? AND status = 'error'",
        [s.projectId, bot],
      )
      expect(m.get(`chatlens_chatbot_requests_total{bot="${bot}",status="ok"}`)).toBe(ok)
      expect(m.get(`chatlens_chatbot_requests_total{bot="${bot}",status="error"}`)).toBe(err)
      expect(m.get(`chatlens_chatbot_response_time_seconds_count{bot="${bot}"}`)).toBe(ok + err)
      const quality = await sqlCount(
        "SELECT COUNT(*) AS n FROM scores sc JOIN traces t ON t.project_id = sc.project_id AND t.id = sc.trace_id WHERE t.project_id = ? AND t.bot = ? AND sc.name = 'quality'",
        [s.projectId, bot],
      )
      expect(m.get(`chatlens_chatbot_quality_score_count{bot="${bot}"}`)).toBe(quality)
    }
    const timeouts = await sqlCount(
      "SELECT COUNT(*) AS n FROM traces WHERE project_id = ? AND bot = 'support' AND error_type = 'timeout'",
      [s.projectId],
    )
    expect(m.get('chatlens_chatbot_errors_total{bot="support",error_type="timeout"}') ?? 0).toBe(timeouts)
    const cost = await s.store.db.get<{ c: number }>(
      "SELECT SUM(cost_usd) AS c FROM traces WHERE project_id = ? AND bot = 'sales' AND model = 'gpt-4o'",
      [s.projectId],
    )
    expect(m.get('chatlens_chatbot_cost_usd_total{bot="sales",model="gpt-4o"}')).toBeCloseTo(
      Number(cost!.c),
      9,
    )
    expect(m.has('chatlens_process_process_cpu_user_seconds_total')).toBe(true)
    expect([...m.keys()].some((k) => k.startsWith('chatlens_chatbot_user_satisfaction'))).toBe(true)
  })
})
