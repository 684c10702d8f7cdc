import type { RegressionReport } from '../regression.js'

const ENTITIES: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '"': '&quot;',
  "'": '&apos;',
}

/** Text for XML 1.0: characters it cannot hold at all (most control characters) are dropped, markup escaped. */
function xml(s: string): string {
  let out = ''
  for (const c of s) {
    const code = c.codePointAt(0)!
    if ((code < 0x20 && c !== '\t' && c !== '\n' && c !== '\r') || code === 0xfffe || code === 0xffff)
      continue
    out += ENTITIES[c] ?? c
  }
  return out
}

const oneLine = (s: string, n = 80) => {
  const t = s.replace(/\s+/g, ' ').trim()
  return t.length > n ? `${t.slice(0, n - 1)}…` : t
}

/**
 * The report as JUnit XML, which CI systems show as a test suite: one test case per item. With
 * a baseline, regressed items are failures and items that already failed in the baseline are
 * skipped (known failures), so the XML agrees with the gate; without one, failing items fail.
 */
export function reportJunit(r: RegressionReport): string {
  const summary = r.run.summary as { executions?: number; passRate?: number | null } | null
  const failures = r.items.filter((i) => i.status === 'regressed' || i.status === 'failed').length
  const known = r.baseline ? r.items.filter((i) => i.passRate < 1 && i.status !== 'regressed').length : 0
  const seconds = ((r.run.finishedAt ?? r.run.createdAt) - (r.run.startedAt ?? r.run.createdAt)) / 1000
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="chatlens eval" tests="${r.items.length}" failures="${failures}" skipped="${known}" time="${seconds.toFixed(3)}">`,
    `  <testsuite name="${xml(`${r.dataset.name} v${r.dataset.version}: ${r.run.name ?? r.run.id}`)}" tests="${r.items.length}" failures="${failures}" skipped="${known}" time="${seconds.toFixed(3)}">`,
    '    <properties>',
    `      <property name="run" value="${xml(r.run.id)}"/>`,
    `      <property name="baseline" value="${xml(r.baseline?.id ?? r.baselineNote ?? '')}"/>`,
    `      <property name="provider" value="${xml(`${r.run.provider}${r.run.simulated ? ' (simulated)' : ''}`)}"/>`,
    `      <property name="executions" value="${summary?.executions ?? 0}"/>`,
    `      <property name="gate" value="${xml(r.gate.summary)}"/>`,
    '    </properties>',
  ]
  for (const item of r.items) {
    const name = xml(`${item.itemId}: ${oneLine(item.query)}`)
    const open = `    <testcase classname="${xml(r.dataset.name)}" name="${name}">`
    if (item.status === 'regressed' || item.status === 'failed') {
      const message = xml(oneLine(item.reason ?? 'failed', 500))
      const body = xml(`${item.reason ?? ''}\n\noutput:\n${item.output ?? '(no output)'}`)
      lines.push(
        open,
        `      <failure message="${message}" type="${item.status}">${body}</failure>`,
        '    </testcase>',
      )
    } else if (r.baseline && item.passRate < 1) {
      lines.push(open, '      <skipped message="fails in the baseline too"/>', '    </testcase>')
    } else lines.push(`${open}</testcase>`)
  }
  lines.push('  </testsuite>', '</testsuites>', '')
  return lines.join('\n')
}
