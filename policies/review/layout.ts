/** The review as a document: six sections in the order a reviewer reads them. Formats only; no facts are computed here. */
import type { Tri } from '../engine/values';
import { basename } from 'node:path';
import { SEVERITIES } from '../engine/rule';
import { code, heading, list, mark, paragraph, strong, table, type Block, type Document, type Graph, type Span, type Spans } from './document';
import type { DetectionStatus, Review, ReviewDiff, SectionDiff } from './facts';

const yesNo = (v: Tri | undefined): string => (v === 'unknown' ? 'known after apply' : v ?? '-');

/** At most this many names inline in a cell, then a count. */
const INLINE_NAMES = 8;

function names(items: readonly string[]): string {
  if (items.length <= INLINE_NAMES) return items.join(', ');
  return `${items.slice(0, INLINE_NAMES).join(', ')} and ${items.length - INLINE_NAMES} more`;
}

function diffBlocks(diff: SectionDiff | undefined, against: string | undefined): Block[] {
  if (!diff || against === undefined) return [];
  const line = (sign: string) => (l: string): Spans => [sign, ' ', l];
  return [
    heading(3, `Against ${against}`),
    paragraph(strong(`${diff.added.length} added, ${diff.removed.length} removed`)),
    ...(diff.added.length > 0 ? [paragraph(strong('Added')), list(diff.added.map(line('+')))] : []),
    ...(diff.removed.length > 0 ? [paragraph(strong('Removed')), list(diff.removed.map(line('−')))] : []),
  ];
}

function verdictSection(review: Review): Block[] {
  const v = review.verdict;
  const rows = v.top.map((r): Spans[] => [[r.severity], [r.outcome], [code(r.ruleId)], [code(r.address)], [r.message]]);
  return [
    heading(2, '1. Verdict'),
    paragraph(strong(v.passed ? 'PASS' : 'FAIL'), `: ${SEVERITIES.map((s) => `${v.findings[s]} ${s}`).join(', ')} findings; ${v.unknowns} unknown; ${v.suppressed} suppressed.`),
    ...(rows.length > 0 ? [table(['Severity', 'Outcome', 'Rule', 'Resource', 'Message'], rows, 50)] : [paragraph('No open findings or unknowns.')]),
    ...(v.suppressions.length > 0
      ? [
          paragraph(strong('Suppressions')),
          table(
            ['Rule', 'Address', 'Reason', 'Expires', 'Used'],
            v.suppressions.map((s) => [[code(s.rule)], [code(s.address)], [s.reason], s.expired ? [mark(`${s.expires} (expired)`)] : [s.expires ?? mark('no expiry')], [String(s.used)]]),
          ),
        ]
      : []),
  ];
}

const HIGHLIGHT_TEXT = { public: 'PUBLIC', user: 'user account', 'external-domain': 'external domain', unknown: 'known after apply' } as const;

/**
 * Diagram node ids: readable (`src_organization_1`) and unique per diagram, however alike two names are
 * once punctuation is dropped.
 */
function nodeIds(): (prefix: string, name: string) => string {
  const ids = new Map<string, string>();
  const used = new Set<string>();
  return (prefix, name) => {
    const key = `${prefix}\u0000${name}`;
    let id = ids.get(key);
    if (id === undefined) {
      const base = `${prefix}_${name.replace(/[^A-Za-z0-9]/g, '_')}`;
      id = base;
      for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
      ids.set(key, id);
      used.add(id);
    }
    return id;
  };
}

/** Organization > folders > projects, each with the grants made on it: where a grant reaches. */
/** Nodes a diagram draws before it folds the rest into counts: a large org's picture stays readable. */
export const MAX_DIAGRAM_NODES = 60;

const grantCount = (n: number) => (n > 0 ? `\n${n} grant${n === 1 ? '' : 's'}` : '');

function hierarchyGraph(review: Review): Graph {
  const nodeId = nodeIds();
  // Too many nodes: projects fold into one node per parent ("120 projects, 340 grants").
  const fold = review.hierarchy.length > MAX_DIAGRAM_NODES;
  const shown = fold ? review.hierarchy.filter((h) => h.kind !== 'project') : review.hierarchy;
  const labels = new Set(shown.map((h) => h.label));
  const folded = new Map<string, { projects: number; grants: number }>();
  if (fold) {
    for (const h of review.hierarchy) {
      if (h.kind !== 'project' || h.parent === undefined || !labels.has(h.parent)) continue;
      const entry = folded.get(h.parent) ?? { projects: 0, grants: 0 };
      folded.set(h.parent, { projects: entry.projects + 1, grants: entry.grants + h.grants });
    }
  }
  return {
    nodes: [
      ...shown.map((h) => ({ id: nodeId('h', h.label), label: `${h.label}${grantCount(h.grants)}`, kind: h.kind === 'organization' ? ('source' as const) : ('node' as const) })),
      ...[...folded].map(([parent, f]) => ({ id: nodeId('projects', parent), label: `${f.projects} project${f.projects === 1 ? '' : 's'}${grantCount(f.grants)}`, kind: 'node' as const })),
    ],
    edges: [
      ...shown.filter((h) => h.parent !== undefined && labels.has(h.parent)).map((h) => ({ from: nodeId('h', h.parent!), to: nodeId('h', h.label) })),
      ...[...folded.keys()].map((parent) => ({ from: nodeId('h', parent), to: nodeId('projects', parent) })),
    ],
  };
}

function accessSection(review: Review, diff?: ReviewDiff): Block[] {
  const rows: Spans[][] = [];
  for (const p of review.access) {
    p.grants.forEach((g, i) => {
      const principal: Spans = i === 0 ? [code(p.principal), ...p.highlights.map((h) => [' ', mark(HIGHLIGHT_TEXT[h])]).flat()] : ['↑ same'];
      const notes: Span[] = [];
      if (g.planned === 'create') notes.push(mark('new in this plan'));
      else if (g.planned) notes.push(strong(`${g.planned}d by this plan`));
      if (g.undeclared === 'yes') notes.push(`${notes.length ? '; ' : ''}`, mark('undeclared: in the live organization, not in code'));
      else if (g.undeclared === 'unknown') notes.push(`${notes.length ? '; ' : ''}whether it is declared is unknown`);
      if (g.privileged) notes.push(`${notes.length ? '; ' : ''}`, mark('privileged'));
      if (g.condition) notes.push(`${notes.length ? '; ' : ''}condition ${g.condition.title ?? ''}${g.condition.expires ? ` (expires ${g.condition.expires})` : ''}`.trim());
      if (g.reaches.length > 0) notes.push(`${notes.length ? '; ' : ''}reaches ${g.reaches.length} project${g.reaches.length === 1 ? '' : 's'}: ${names(g.reaches)}`);
      rows.push([principal, [p.kind], [g.scope.label], [code(g.role)], notes]);
    });
  }
  const privileged = review.access.filter((p) => p.grants.some((g) => g.privileged)).length;
  const highlighted = review.access.filter((p) => p.highlights.length > 0).length;
  return [
    heading(2, '2. Access matrix'),
    paragraph(`${review.access.length} principals, ${rows.length} grants; ${privileged} principals hold a privileged role; ${highlighted} public, user, external-domain or unresolved principals (listed first).`),
    table(['Principal', 'Kind', 'Scope', 'Role', 'Notes'], rows),
    ...(review.accessRemoved.length > 0
      ? [
          paragraph(strong(`Access this plan removes (${review.accessRemoved.length})`)),
          table(['Principal', 'Scope', 'Role', 'Resource'], review.accessRemoved.map((r) => [[code(r.principal)], [r.scope], [code(r.role)], [code(r.address)]])),
        ]
      : []),
    ...(review.hierarchy.length > 0 ? [{ kind: 'diagram' as const, title: 'Where grants sit: a grant on a node reaches every project below it', graph: hierarchyGraph(review) }] : []),
    ...diffBlocks(diff?.access, diff?.against),
  ];
}

function routingGraph(review: Review): Graph {
  const id = nodeIds();
  const sources = [...new Set(review.routing.sinks.map((s) => s.source))];
  const destinations = review.routing.destinations;
  return {
    nodes: [
      ...sources.map((s) => ({ id: id('src', s), label: s, kind: 'source' as const })),
      ...review.routing.sinks.map((s) => ({ id: id('sink', `${s.source}_${s.name}`), label: `sink ${s.name}`, kind: 'sink' as const })),
      ...destinations.map((d) => ({
        id: id('dst', d.label),
        label: `${d.label}${d.retentionDays !== undefined ? `\n${d.retentionDays} days` : ''}${d.locked === 'yes' ? ', locked' : ''}${d.cmek === 'yes' ? ', CMEK' : ''}`,
        kind: 'destination' as const,
      })),
      ...review.routing.unrouted.slice(0, MAX_DIAGRAM_NODES).map((p) => ({ id: id('gap', p), label: `${p}\n(no sink)`, kind: 'gap' as const })),
      ...(review.routing.unrouted.length > MAX_DIAGRAM_NODES
        ? [{ id: id('gap', '(more)'), label: `${review.routing.unrouted.length - MAX_DIAGRAM_NODES} more projects\n(no sink)`, kind: 'gap' as const }]
        : []),
    ],
    edges: review.routing.sinks.flatMap((s) => [
      { from: id('src', s.source), to: id('sink', `${s.source}_${s.name}`), label: s.includeChildren === 'yes' ? 'with children' : undefined },
      { from: id('sink', `${s.source}_${s.name}`), to: id('dst', s.destination) },
    ]),
  };
}

function routingSection(review: Review, diff?: ReviewDiff): Block[] {
  const r = review.routing;
  return [
    heading(2, '3. Log routing'),
    r.unrouted.length > 0
      ? paragraph(mark(`${r.unrouted.length} project(s) reach no sink`), `: ${names(r.unrouted)}.`)
      : paragraph(`Every project (${r.projects.length}) reaches at least one sink.`),
    ...(r.unrouted.length > 0 ? [list(r.unrouted.map((p) => [mark('no sink'), ' ', p]))] : []),
    { kind: 'diagram', title: 'Log routing', graph: routingGraph(review) },
    table(
      ['Sink', 'Source', 'Children', 'Filter', 'Audit logs', 'Exclusions', 'Writer identity', 'Destination'],
      r.sinks.map((s) => [[code(s.name)], [s.source], [yesNo(s.includeChildren)], [code(s.filter)], [s.audit], [s.exclusions.join(', ') || '-'], [s.writer], [s.destination]]),
    ),
    table(
      ['Destination', 'Kind', 'Project', 'Retention (days)', 'Locked', 'CMEK', 'Storage class'],
      r.destinations.map((d) => [[d.label], [d.kind], [d.project ?? '-'], [d.retentionDays === undefined ? '-' : String(d.retentionDays)], [yesNo(d.locked)], [yesNo(d.cmek)], [d.storageClass ?? '-']]),
    ),
    table(['Project', 'Sinks its logs reach'], r.projects.map((p) => [[p.project], [p.sinks.length > 0 ? p.sinks.join(', ') : mark('none')]])),
    ...diffBlocks(diff?.routing, diff?.against),
  ];
}

function secretsSection(review: Review, diff?: ReviewDiff): Block[] {
  return [
    heading(2, '4. Secrets'),
    paragraph(`${review.secrets.length} secrets. Readers are every principal with a role that reads payloads (accessor, admin, owner) on the secret or above it.`),
    table(
      ['Secret', 'Project', 'Replication', 'CMEK', 'Rotation', 'Who may read it'],
      review.secrets.map((s) => [
        [code(s.secret)],
        [s.project ?? '-'],
        [s.replication],
        [yesNo(s.cmek)],
        [s.rotationDays === undefined ? mark('none') : `every ${s.rotationDays} days`],
        s.readers.length === 0
          ? ['nobody']
          : s.readers.flatMap((r, i) => [...(i > 0 ? ['; '] : []), code(r.principal), ` (${r.role}, ${r.via}${r.condition ? `, ${r.condition}` : ''})`]),
      ]),
    ),
    ...diffBlocks(diff?.secrets, diff?.against),
  ];
}

const STATUS_TEXT: Readonly<Record<DetectionStatus, string>> = {
  covered: 'covered',
  'no-metric': 'GAP: no metric',
  'no-alert': 'GAP: no alert policy',
  'alert-disabled': 'GAP: alert disabled',
  'no-channel': 'GAP: no channel',
  unknown: 'known after apply',
};

function detectionSection(review: Review, diff?: ReviewDiff): Block[] {
  const gaps = review.detection.filter((d) => d.status !== 'covered').length;
  return [
    heading(2, '5. Detection coverage'),
    paragraph(`${review.detection.length - gaps} of ${review.detection.length} threats covered${gaps > 0 ? `; ${gaps} gaps` : ''}.`),
    table(
      ['Threat', 'Metric', 'Alert policy', 'Channels', 'Status'],
      review.detection.map((d) => [[d.title], [d.metric ? code(d.metric) : '-'], [d.alert ?? '-'], [d.channels.join(', ') || '-'], statusSpans(d.status)]),
    ),
    ...logSourceBlocks(review),
    ...diffBlocks(diff?.detection, diff?.against),
  ];
}

const statusSpans = (status: DetectionStatus) => [status === 'covered' ? STATUS_TEXT.covered : mark(STATUS_TEXT[status])];

/** Sources beyond the org's projects and tight-coupled projects: is each one's silence noticed? Gaps first. */
function logSourceBlocks(review: Review): Block[] {
  const sources = review.logSources;
  if (sources.length === 0) return [];
  const gaps = sources.filter((s) => s.status !== 'covered').length;
  const tight = sources.filter((s) => s.coupling === 'tight').length;
  return [
    heading(3, 'Log sources'),
    paragraph(`${sources.length - gaps} of ${sources.length} log sources (${tight} tight-coupled) raise an alert when they fall silent${gaps > 0 ? `; ${gaps} gaps` : ''}.`),
    table(
      ['Source', 'Kind', 'Coupling', 'Lands in', 'Silent after', 'Absence alert', 'Channels', 'Status'],
      sources.map((s) => [
        [code(s.name)],
        [s.kind],
        [s.coupling === 'tight' ? mark('tight') : 'loose'],
        [s.landing ?? '-'],
        [`${s.silenceHours} h`],
        [s.alert ?? '-'],
        [s.channels.join(', ') || '-'],
        statusSpans(s.status),
      ]),
    ),
  ];
}

const ACTIONS = ['create', 'update', 'replace', 'delete'] as const;

function changeSection(review: Review): Block[] {
  const c = review.changes;
  if (!c.plan) {
    return [heading(2, '6. Change summary'), paragraph(`Synthesized input has no plan: every one of its ${review.input.resources} resources is a create. Review a \`terraform show -json\` plan for deletes and replaces.`)];
  }
  const security = c.destructive.filter((d) => d.security !== undefined).length;
  return [
    heading(2, '6. Change summary'),
    c.destructive.length === 0
      ? paragraph('The plan deletes or replaces nothing.')
      : paragraph(mark(`${c.destructive.length} destructive changes`), `, ${security} to security resources (listed first).`),
    ...(c.destructive.length > 0
      ? [table(['Action', 'Resource', 'Type', 'Security resource'], c.destructive.map((d) => [[mark(d.action)], [code(d.address)], [d.type], [d.security ?? '-']]))]
      : []),
    table(['Type', ...ACTIONS], c.byType.map((t) => [[code(t.type)], ...ACTIONS.map((a) => [String(t.counts[a] ?? 0)])])),
  ];
}

export function reviewDocument(review: Review, diff?: ReviewDiff): Document {
  const i = review.input;
  return {
    title: 'Security review',
    blocks: [
      heading(1, 'Security review'),
      paragraph(`Input: ${i.kind} (${i.sources.length === 1 ? basename(i.sources[0]) : `${i.sources.length} files`}), ${i.resources} resources, pack ${i.pack}${diff ? `, compared against ${diff.against}` : ''}.`),
      ...verdictSection(review),
      ...accessSection(review, diff),
      ...routingSection(review, diff),
      ...secretsSection(review, diff),
      ...detectionSection(review, diff),
      ...changeSection(review),
    ],
  };
}
