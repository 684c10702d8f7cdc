export { type Agg, emptyAgg, mergeAgg } from './aggregate.js'
export { ANOMALY_METHOD, type Anomaly } from './anomalies.js'
export { collect, collectGroups, collectTotal } from './collect.js'
export { analyzeConversation, type ConversationAnalysis, resolutionOf } from './conversations/analyze.js'
export { REVIEW_REASONS, type ReviewItem, reviewQueue } from './conversations/review.js'
export { detectStage } from './conversations/stages.js'
export { botResponseOf, userQueryOf } from './conversations/text.js'
export { GROUP_DIMENSIONS, type GroupDimension, type MetricFilter } from './dims.js'
export { csvCell, type ExportFormat, exportInteractions } from './export.js'
export { type Topic, type TopicsResult, topTopics } from './intents/topics.js'
export { type Distribution, type Metrics, type ScoreSummary, toMetrics } from './metrics.js'
export { getOverview, type Overview } from './overview.js'
export { ProcessMetrics, renderMetrics } from './prometheus.js'
export { readSnapshot, SnapshotCache } from './prometheus-snapshot.js'
export { buildReport, type Report } from './report/build.js'
export { reportHtml } from './report/html.js'
export { reportMarkdown } from './report/markdown.js'
export { type Recommendation, recommend } from './report/recommendations.js'
export { buildAllDirtyHours, buildDirtyHours, computeHour, rebuildHour } from './rollup-build.js'
export {
  AnalyticsQuery,
  ExportQuery,
  FilterFields,
  ReportFormat,
  ReportQuery,
  WindowFields,
  windowOf,
} from './schemas.js'
export { getSeries, type Point, type SeriesResult } from './series.js'
export { getMetrics, getTrends, type MetricsResult, PERCENTILES, type TrendsResult } from './service.js'
export { SKETCH_RELATIVE_ERROR, Sketch } from './sketch.js'
export { compareWindows, type Trend } from './trends.js'
export {
  DAY_MS,
  HOUR_MS,
  parseDuration,
  previousWindow,
  resolveWindow,
  WINDOW_MAX_MS,
  WINDOW_MIN_MS,
  type Window,
} from './window.js'
