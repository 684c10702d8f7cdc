import type { Command } from 'commander'
import { registerAlerts } from './alerts.js'
import { registerExport } from './export.js'
import { registerReport } from './report.js'

/** report, export and alerts: one line in main.ts. */
export function registerMonitoring(program: Command) {
  registerReport(program)
  registerExport(program)
  registerAlerts(program)
}
