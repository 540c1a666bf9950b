import { modelRule } from '../../engine/rule';
import type { Model, Resource } from '../../engine/model';
import { tri, type Tri } from '../../engine/values';
import { hierarchyChain } from '../../gcp/ancestry';
import { liveSinks, sinkNodeKey, SINK_TYPES } from '../../gcp/sinks';
import { projectsOf } from '../../gcp/projects';
import { sinkCoverage, type SinkCoverage } from '../../gcp/sink-coverage';

type MessageId = 'not-covered' | 'coverage-unknown' | 'parent-unknown';

interface JudgedSink {
  readonly sink: Resource;
  readonly coverage: SinkCoverage;
  /** Where the sink sits; undefined when only apply can tell. */
  readonly key?: string;
  readonly level: 'organization' | 'folder' | 'project';
}

function judgeSinks(model: Model): JudgedSink[] {
  const judged: JudgedSink[] = [];
  for (const sink of liveSinks(model)) {
    const level = SINK_TYPES[sink.type].level;
    if (level === 'billing-account') continue;
    // Project sinks cover their own project; folder and organization sinks only what is below with include_children.
    const coverage = sinkCoverage(model, sink, level !== 'project');
    if (coverage.state !== 'fails') judged.push({ sink, coverage, key: sinkNodeKey(model, sink), level });
  }
  return judged;
}

export default modelRule<MessageId>({
  meta: {
    id: 'logging-every-project-covered',
    description: 'Route the audit logs of every project to a sink that keeps them: its own, or a folder or organization sink above it with include_children.',
    severity: 'high',
    category: 'logging',
    controls: [],
    messages: {
      'not-covered': 'Project {{project}} reaches no sink that keeps every audit log (no project sink, and no folder or organization sink with include_children above it).',
      'coverage-unknown': 'Whether project {{project}} is covered depends on {{attribute}} of this sink, known only after apply.',
      'parent-unknown': 'Project {{project}} is covered only if a sink above it covers it, and its place in the hierarchy is known only after apply.',
    },
    help:
      'Every project\'s audit logs must reach the central destination, also projects created later and projects moved between folders. Prefer one organization sink with `include_children = true` (see logging-org-sink-covers-all); a project outside the organization, or one in a folder that only has its own sinks, needs a sink that keeps `logName:"cloudaudit.googleapis.com"` and writes to a destination that exists.',
  },
  check(context) {
    const { model, params } = context;
    const projects = projectsOf(model, params.projects);
    if (projects.length === 0) {
      context.notApplicable('no projects in the input or config');
      return;
    }
    const sinks = judgeSinks(model);
    for (const project of projects) {
      const chain = hierarchyChain(model, project.key, project.declared ? params.organizationId : undefined);
      let covered = false;
      let undecided: { sink: Resource; attribute: string } | undefined;
      for (const judged of sinks) {
        const reaches: Tri = judged.key === undefined ? 'unknown' : tri(judged.level === 'project' ? judged.key === project.key : chain.keys.includes(judged.key));
        if (reaches === 'no') continue;
        if (reaches === 'yes' && judged.coverage.state === 'covers') {
          covered = true;
          break;
        }
        undecided ??= { sink: judged.sink, attribute: judged.coverage.state === 'unknown' ? judged.coverage.attribute : SINK_TYPES[judged.sink.type].parent };
      }
      if (covered) continue;
      const data = { project: project.id };
      const where = project.resource;
      if (undecided) {
        context.unknown(where ?? undecided.sink, 'coverage-unknown', { ...data, attribute: undecided.attribute });
      } else if (!chain.complete && sinks.some((s) => s.level !== 'project' && s.coverage.state === 'covers')) {
        const sink = sinks.find((s) => s.level !== 'project' && s.coverage.state === 'covers')!.sink;
        context.unknown(where ?? sink, 'parent-unknown', data);
      } else if (where) {
        context.report(where, 'not-covered', data);
      } else {
        context.reportMissing('not-covered', data);
      }
    }
  },
});
