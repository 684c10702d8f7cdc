import type { JSX } from 'preact'

/** Line icons drawn inline (no icon font, no network). 16 × 16, stroke in currentColor. */
const PATHS: Record<string, string> = {
  overview: 'M2 2h5v5H2zM9 2h5v3H9zM9 7h5v7H9zM2 9h5v5H2z',
  traces: 'M2 3h12M2 6.5h8M5 10h9M5 13.5h6',
  conversations: 'M2.5 3h11v7h-6l-3 3v-3h-2z',
  alerts: 'M8 2.5a3.5 3.5 0 0 1 3.5 3.5v3l1.5 2.5H3L4.5 9V6A3.5 3.5 0 0 1 8 2.5zM6.5 13.5h3',
  prompts: 'M3 2.5h10v11H3zM5.5 5.5h5M5.5 8h5M5.5 10.5h3',
  experiments: 'M6 2v4.5L2.5 13h11L10 6.5V2M5 2h6',
  datasets:
    'M3 4c0-1 2.2-1.8 5-1.8S13 3 13 4v8c0 1-2.2 1.8-5 1.8S3 13 3 12zM3 4c0 1 2.2 1.8 5 1.8S13 5 13 4M3 8c0 1 2.2 1.8 5 1.8S13 9 13 8',
  recommendations: 'M8 2v1.5M3.5 4l1 1M12.5 4l-1 1M5.5 10a3.5 3.5 0 1 1 5 0v1.5h-5zM6.5 14h3',
  playground: 'M3 3l10 5-10 5z',
  refresh: 'M13 8a5 5 0 1 1-1.5-3.5M13 2.5v3h-3',
  close: 'M4 4l8 8M12 4l-8 8',
  search: 'M7 12a5 5 0 1 0 0-10 5 5 0 0 0 0 10zM10.5 10.5L14 14',
  back: 'M10 3L5 8l5 5',
  copy: 'M5.5 5.5h8v8h-8zM10.5 5.5v-3h-8v8h3',
  signout: 'M6 2.5H3v11h3M10 5l3 3-3 3M13 8H6',
}

export function Icon({
  name,
  size = 16,
  ...rest
}: { name: string; size?: number } & JSX.SVGAttributes<SVGSVGElement>) {
  return (
    <svg
      viewBox="0 0 16 16"
      width={size}
      height={size}
      fill="none"
      stroke="currentColor"
      stroke-width="1.4"
      stroke-linecap="round"
      stroke-linejoin="round"
      aria-hidden="true"
      {...rest}
    >
      <path d={PATHS[name] ?? ''} />
    </svg>
  )
}

export function Logo() {
  return (
    <svg viewBox="0 0 24 24" width="22" height="22" aria-hidden="true">
      <rect width="24" height="24" rx="6" fill="var(--accent)" />
      <path
        d="M6 8.5h12v6.5h-6.5L8 18v-3H6z"
        fill="none"
        stroke="#fff"
        stroke-width="1.8"
        stroke-linejoin="round"
      />
      <path d="M9 11.5h6" stroke="#fff" stroke-width="1.8" stroke-linecap="round" />
    </svg>
  )
}
