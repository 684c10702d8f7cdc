import type { Span } from '../../model/index.js'

export type SpanNode = { span: Span; children: SpanNode[] }

/** Nests spans under their parents; a span whose parent is unknown becomes a root. */
export function buildSpanTree(spans: readonly Span[]): SpanNode[] {
  const nodes = new Map(spans.map((s) => [s.id, { span: s, children: [] as SpanNode[] }]))
  const roots: SpanNode[] = []
  for (const node of nodes.values()) {
    const parent = node.span.parentId ? nodes.get(node.span.parentId) : undefined
    if (parent && parent !== node) parent.children.push(node)
    else roots.push(node)
  }
  return roots
}
