/**
 * Shared look of the dashboard's charts: colours, axes with names and units, a grid that leaves
 * room for them, and bucket labels for tooltips.
 */
export const COLOR = {
  accent: '#5b5bd6',
  good: '#2f9e5b',
  mid: '#d99a1e',
  bad: '#d64545',
  grey: '#9aa1ae',
  teal: '#0e9aa7',
}
/** Line colours in order; the first ones are the most distinct. */
export const PALETTE = [
  '#5b5bd6',
  '#2f9e5b',
  '#d64545',
  '#d99a1e',
  '#0e9aa7',
  '#8e44ad',
  '#b0527c',
  '#6b7280',
  '#3b82f6',
  '#65a30d',
]

const AXIS_TEXT = { color: '#4b5263', fontSize: 11 }
const NAME_TEXT = { color: '#6b7280', fontSize: 11 }
const SPLIT_LINE = { lineStyle: { color: '#eef0f3' } }

/** Room for axis labels and names; `legend` leaves space at the top for a legend row. */
export function grid({ legend = false, left = 60, right = 16, bottom = 44 } = {}) {
  return { left, right, top: legend ? 40 : 30, bottom }
}

export function timeAxis(name = 'Time (local)') {
  return {
    type: 'time',
    name,
    nameLocation: 'middle',
    nameGap: 28,
    nameTextStyle: NAME_TEXT,
    axisLabel: {
      ...AXIS_TEXT,
      hideOverlap: true,
      formatter: { year: '{yyyy}', month: '{MMM}', day: '{MMM} {d}', hour: '{HH}:{mm}', minute: '{HH}:{mm}' },
    },
    axisTick: { show: false },
    splitLine: { show: false },
  }
}

export function categoryAxis(name: string, data: string[], extra: Record<string, unknown> = {}) {
  return {
    type: 'category',
    name,
    nameLocation: 'middle',
    nameGap: 28,
    nameTextStyle: NAME_TEXT,
    data,
    axisLabel: { ...AXIS_TEXT, hideOverlap: true },
    axisTick: { show: false },
    ...extra,
  }
}

/** A value axis; its name (with the unit) sits above it. */
export function valueAxis(name: string, format?: (v: number) => string, extra: Record<string, unknown> = {}) {
  return {
    type: 'value',
    name,
    nameTextStyle: { ...NAME_TEXT, align: 'left' },
    nameGap: 10,
    axisLabel: { ...AXIS_TEXT, ...(format && { formatter: format }) },
    splitLine: SPLIT_LINE,
    ...extra,
  }
}

const hourFmt = new Intl.DateTimeFormat(undefined, {
  month: 'short',
  day: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
})
const dayFmt = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric', timeZone: 'UTC' })

/** The bucket a point stands for: an hour (local time) or a UTC day, as the API buckets them. */
export function bucketLabel(start: number, interval: 'hour' | 'day'): string {
  return interval === 'hour' ? `${hourFmt.format(start)} (hour)` : `${dayFmt.format(start)} (UTC day)`
}

/** Axis-trigger tooltip parameters as ECharts passes them. */
export type AxisParams = {
  seriesName: string
  value: [number, number | null] | number | null
  dataIndex: number
}[]
