import type { EChartsType } from 'echarts/core'
import { useEffect, useRef } from 'preact/hooks'
import { safeOption } from '../lib/chart-safety.js'

export type PointClick = { seriesIndex: number; dataIndex: number }

type Props = {
  option: Record<string, unknown>
  height: number
  label: string
  /** The figures behind the chart, kept on the element (`data-chart`) so tests can read what is drawn. */
  data?: unknown
  onPointClick?(p: PointClick): void
}

/** An ECharts chart (loaded on first use) with safe tooltips; resizes with its box. */
export function Chart({ option, height, label, data, onPointClick }: Props) {
  const box = useRef<HTMLDivElement>(null)
  const chart = useRef<EChartsType | null>(null)
  const latest = useRef(option)
  latest.current = option
  const click = useRef(onPointClick)
  click.current = onPointClick

  useEffect(() => {
    let disposed = false
    let ro: ResizeObserver | undefined
    import('../lib/echarts.js').then(({ echarts }) => {
      if (disposed || !box.current) return
      const c = echarts.init(box.current, undefined, { renderer: 'canvas' })
      c.setOption(safeOption(latest.current))
      c.on('click', (p) => click.current?.({ seriesIndex: p.seriesIndex ?? 0, dataIndex: p.dataIndex }))
      chart.current = c
      ro = new ResizeObserver(() => c.resize())
      ro.observe(box.current)
    })
    return () => {
      disposed = true
      ro?.disconnect()
      chart.current?.dispose()
      chart.current = null
    }
  }, [])

  useEffect(() => {
    chart.current?.setOption(safeOption(option), true)
  }, [option])

  return (
    <div
      ref={box}
      class={`chart${onPointClick ? ' chart--clickable' : ''}`}
      role="img"
      aria-label={label}
      data-chart={data === undefined ? undefined : JSON.stringify(data)}
      style={{ height: `${height}px` }}
    />
  )
}
