/**
 * Run by `npm run bench` in a fresh process on one plan: where the time of a check goes, phase by phase
 * (read, then the scan of the bytes with the decoding and parsing of the members read, model, rules), printed
 * as one JSON line. A fresh process, so the benchmark's own generated plans and their garbage do not weigh on
 * the numbers.
 */
'use strict';
const { join } = require('node:path');

const dist = join(__dirname, '..', 'policies', 'dist');
const { readBytes } = require(join(dist, 'engine', 'load', 'read-text'));
const { readPlan, readPlanSections } = require(join(dist, 'engine', 'load', 'plan'));
const { createModel } = require(join(dist, 'engine', 'create-model'));
const { evaluate } = require(join(dist, 'engine', 'evaluate'));
const { paramsFromConfig } = require(join(dist, 'config', 'adapter'));
const { RULES } = require(join(dist, 'rules'));
const { PACKS } = require(join(dist, 'packs'));

function time(f) {
  const start = process.hrtime.bigint();
  const value = f();
  return [value, Number(process.hrtime.bigint() - start) / 1e6];
}

const file = process.argv[2];
const [bytes, readMs] = time(() => readBytes(file, file));
const [doc, parseMs] = time(() => readPlanSections(bytes));
const [model, modelMs] = time(() => createModel({ kind: 'plan', sources: [file], stacks: [], resources: readPlan(doc, file) }));
const [evaluation, rulesMs] = time(() => evaluate(model, { rules: RULES, pack: PACKS.all, params: paramsFromConfig(undefined) }));
process.stdout.write(`${JSON.stringify({ readMs, parseMs, modelMs, rulesMs, resources: model.resources.length, grants: model.grants.length, results: evaluation.results.length })}\n`);
