/** Small dependency-free SVG charts, so an HTML report is one file that works offline. */
export const esc = (s: string) => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`)

const W = 640
const H = 220
const PAD = { left: 56, right: 12, top: 12, bottom: 30 }
export const PALETTE = ['#2563eb', '#dc2626', '#16a34a', '#d97706', '#7c3aed', '#0891b2']

type Fmt = (v: number) => string
const plainFmt: Fmt = (v) => Number(v.toPrecision(3)).toString()

function niceMax(v: number): number {
  if (!(v > 0)) return 1
  const p = 10 ** Math.floor(Math.log10(v))
  return ([1, 2, 2.5, 5, 10].find((m) => m * p >= v) ?? 10) * p
}

function frame(
  inner: string,
  yMax: number,
  yMin: number,
  yFmt: Fmt,
  xTicks: [number, string][],
  label: string,
): string {
  const h = H - PAD.top - PAD.bottom
  const grid = [0, 0.25, 0.5, 0.75, 1].map((f) => {
    const y = PAD.top + h * (1 - f)
    return `<line x1="${PAD.left}" x2="${W - PAD.right}" y1="${y}" y2="${y}" stroke="#e5e7eb"/><text x="${PAD.left - 6}" y="${y + 4}" text-anchor="end" font-size="10" fill="#6b7280">${esc(yFmt(yMin + (yMax - yMin) * f))}</text>`
  })
  const ticks = xTicks.map(
    ([x, t]) =>
      `<text x="${x}" y="${H - 10}" text-anchor="middle" font-size="10" fill="#6b7280">${esc(t)}</text>`,
  )
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(label)}" xmlns="http://www.w3.org/2000/svg">${grid.join('')}${ticks.join('')}${inner}</svg>`
}

const xOf = (i: number, n: number) => PAD.left + (W - PAD.left - PAD.right) * (n <= 1 ? 0.5 : i / (n - 1))
const yOf = (v: number, max: number, min = 0) =>
  PAD.top + (H - PAD.top - PAD.bottom) * (1 - (v - min) / (max - min || 1))

function pickTicks(labels: string[], xs: number[], count = 6): [number, string][] {
  const step = Math.max(1, Math.ceil(labels.length / count))
  return labels.flatMap((l, i) => (i % step === 0 ? [[xs[i]!, l] as [number, string]] : []))
}

/** Lines over shared x labels; gaps where a value is missing. */
export function lineChart(o: {
  labels: string[]
  series: { name: string; values: (number | null)[] }[]
  yFmt?: Fmt
  yMax?: number
  label: string
}): string {
  const n = o.labels.length
  const max =
    o.yMax ??
    niceMax(Math.max(0, ...o.series.flatMap((s) => s.values.filter((v): v is number => v !== null))))
  const lines = o.series.map((s, si) => {
    const segs: string[] = []
    let d = ''
    s.values.forEach((v, i) => {
      if (v === null) {
        if (d) segs.push(d)
        d = ''
        return
      }
      d += `${d ? 'L' : 'M'}${xOf(i, n).toFixed(1)},${yOf(v, max).toFixed(1)}`
    })
    if (d) segs.push(d)
    const color = PALETTE[si % PALETTE.length]
    const dots =
      s.values.filter((v) => v !== null).length <= 2
        ? s.values
            .map((v, i) =>
              v === null ? '' : `<circle cx="${xOf(i, n)}" cy="${yOf(v, max)}" r="3" fill="${color}"/>`,
            )
            .join('')
        : ''
    return `${segs.map((p) => `<path d="${p}" fill="none" stroke="${color}" stroke-width="2"/>`).join('')}${dots}`
  })
  const legend = o.series
    .map((s, i) => `<tspan fill="${PALETTE[i % PALETTE.length]}">■ ${esc(s.name)}</tspan>`)
    .join(' ')
  const xs = o.labels.map((_, i) => xOf(i, n))
  return frame(
    `${lines.join('')}<text x="${PAD.left}" y="${PAD.top + 10}" font-size="11">${legend}</text>`,
    max,
    0,
    o.yFmt ?? plainFmt,
    pickTicks(o.labels, xs),
    o.label,
  )
}

/** Vertical bars, one per label. */
export function barChart(o: {
  labels: string[]
  values: number[]
  yFmt?: Fmt
  label: string
  color?: string
}): string {
  const n = o.labels.length
  const max = niceMax(Math.max(0, ...o.values))
  const slot = (W - PAD.left - PAD.right) / Math.max(1, n)
  const bars = o.values.map((v, i) => {
    const x = PAD.left + slot * i + slot * 0.1
    const y = yOf(v, max)
    return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(slot * 0.8).toFixed(1)}" height="${(H - PAD.bottom - y).toFixed(1)}" fill="${o.color ?? PALETTE[0]}"><title>${esc(`${o.labels[i]}: ${(o.yFmt ?? plainFmt)(v)}`)}</title></rect>`
  })
  const xs = o.labels.map((_, i) => PAD.left + slot * (i + 0.5))
  return frame(bars.join(''), max, 0, o.yFmt ?? plainFmt, pickTicks(o.labels, xs, 11), o.label)
}

/** Points on two numeric axes. */
export function scatterChart(o: {
  points: [number, number][]
  xFmt?: Fmt
  yFmt?: Fmt
  yMax?: number
  label: string
  xLabel: string
}): string {
  const xMax = niceMax(Math.max(0, ...o.points.map((p) => p[0])))
  const yMax = o.yMax ?? niceMax(Math.max(0, ...o.points.map((p) => p[1])))
  const xAt = (x: number) => PAD.left + (W - PAD.left - PAD.right) * (x / xMax)
  const dots = o.points.map(
    ([x, y]) =>
      `<circle cx="${xAt(x).toFixed(1)}" cy="${yOf(y, yMax).toFixed(1)}" r="2.5" fill="${PALETTE[0]}" fill-opacity="0.55"/>`,
  )
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f): [number, string] => [
    xAt(xMax * f),
    (o.xFmt ?? plainFmt)(xMax * f),
  ])
  const axis = `<text x="${W - PAD.right}" y="${H - PAD.bottom - 4}" text-anchor="end" font-size="10" fill="#6b7280">${esc(o.xLabel)}</text>`
  return frame(dots.join('') + axis, yMax, 0, o.yFmt ?? plainFmt, ticks, o.label)
}

/** One horizontal bar split into labelled parts (shares of a whole). */
export function stackedBar(o: {
  parts: { label: string; value: number; color: string }[]
  label: string
}): string {
  const total = o.parts.reduce((s, p) => s + p.value, 0) || 1
  let x = 0
  const width = W - 20
  const rects = o.parts.map((p) => {
    const w = (width * p.value) / total
    const r = `<rect x="${10 + x}" y="20" width="${w.toFixed(1)}" height="34" fill="${p.color}"><title>${esc(p.label)}</title></rect>${w > 60 ? `<text x="${10 + x + w / 2}" y="42" text-anchor="middle" font-size="12" fill="#fff">${esc(p.label)}</text>` : ''}`
    x += w
    return r
  })
  return `<svg viewBox="0 0 ${W} 70" width="100%" role="img" aria-label="${esc(o.label)}" xmlns="http://www.w3.org/2000/svg">${rects.join('')}</svg>`
}
