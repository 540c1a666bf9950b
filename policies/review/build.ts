/** buildReview: the one place the reviewer's facts are drawn from the model and the evaluation. */
import type { Model } from '../engine/model';
import type { Evaluation } from '../engine/results';
import type { RuleParams } from '../engine/rule';
import type { Gate } from '../report/verdict';
import { accessMatrix, hierarchyFacts, removedGrants } from './access';
import { changeSummary } from './changes';
import { detectionCoverage } from './detection';
import { logSourceFacts } from './log-sources';
import type { Review } from './facts';
import { postureFacts } from './posture';
import { logRouting } from './routing';
import { secretFacts } from './secrets';
import { verdictFacts } from './verdict';

export interface ReviewInput {
  readonly model: Model;
  readonly evaluation: Evaluation;
  readonly params: RuleParams;
  readonly gate: Gate;
}

export function buildReview({ model, evaluation, params, gate }: ReviewInput): Review {
  return {
    input: { kind: model.kind, sources: model.sources, resources: evaluation.resourceCount, pack: evaluation.pack },
    verdict: verdictFacts(evaluation, gate),
    access: accessMatrix(model, params),
    accessRemoved: removedGrants(model),
    hierarchy: hierarchyFacts(model, params),
    routing: logRouting(model, params),
    secrets: secretFacts(model, params),
    detection: detectionCoverage(model, params),
    logSources: logSourceFacts(model, params),
    changes: changeSummary(model),
    posture: postureFacts(model, evaluation, params),
  };
}
