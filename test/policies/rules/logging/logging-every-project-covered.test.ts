import rule from '../../../../policies/rules/logging/logging-every-project-covered';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { centralBucket, loggingSynth, ORG_ID, orgSink } from './fixtures';

const RULE = 'logging-every-project-covered';
const PROJECT = 'google_project.app';
const ARCHIVE_URI = 'storage.googleapis.com/example-com-audit-archive';

/** The hierarchy stack's shape: a folder under the org, a project in it by reference. */
const hierarchy = {
  google_folder: { production: { display_name: 'Production', parent: `organizations/${ORG_ID}` } },
  google_project: { app: { project_id: 'example-app-prd', name: 'example-app-prd', folder_id: '${google_folder.production.folder_id}' } },
};
const folderSink = (extra: Record<string, unknown>) => ({
  folder: '${google_folder.production.name}',
  name: 'production-audit',
  destination: ARCHIVE_URI,
  include_children: true,
  filter: 'logName:"cloudaudit.googleapis.com"',
  ...extra,
});
const projectInOrg = { address: PROJECT, values: { project_id: 'example-app-prd', name: 'example-app-prd', org_id: ORG_ID, folder_id: null } };
const projectFolderLater = {
  address: PROJECT,
  values: { project_id: 'example-app-prd', name: 'example-app-prd', folder_id: null },
  unknown: { folder_id: true },
  references: { folder_id: ['var.folder_id'] },
};
/** A project sink keeping every log, in the given project. */
const projectSink = (project: string) => ({
  address: 'google_logging_project_sink.other',
  values: { project, name: 'audit', destination: ARCHIVE_URI, filter: '', disabled: false, exclusions: [] },
  unknown: { writer_identity: true },
});
const NOT_COVERED = 'Project example-app-prd reaches no sink that keeps every audit log (no project sink, and no folder or organization sink with include_children above it).';

runRuleTests(rule, {
  valid: [
    { name: 'synth: an org sink with include_children covers a project in a folder', input: { synth: synth({ ...hierarchy, ...loggingSynth() }) } },
    { name: 'synth: a folder sink with include_children on the project\'s folder', input: { synth: synth({ ...hierarchy, google_logging_folder_sink: { production: folderSink({}) } }) } },
    {
      name: 'plan: the project\'s own sink keeping every audit log',
      input: {
        plan: plan([
          projectInOrg,
          { address: 'google_logging_project_sink.app', values: { project: 'example-app-prd', name: 'audit', destination: ARCHIVE_URI, filter: '', disabled: false, exclusions: [] }, unknown: { writer_identity: true } },
        ]),
      },
    },
    {
      name: 'plan: folder and project created together (folder id known after apply), org sink above both',
      input: {
        plan: plan([
          { address: 'google_folder.production', values: { display_name: 'Production', parent: `organizations/${ORG_ID}` }, unknown: { folder_id: true, name: true } },
          {
            address: PROJECT,
            values: { project_id: 'example-app-prd', name: 'example-app-prd' },
            unknown: { folder_id: true },
            references: { folder_id: ['google_folder.production.folder_id', 'google_folder.production'] },
          },
          { address: 'google_logging_organization_sink.org', values: orgSink({ destination: ARCHIVE_URI }), unknown: { writer_identity: true } },
        ]),
      },
    },
    {
      name: 'synth: a config-declared project under the configured organization, covered by the org sink',
      input: { synth: synth(loggingSynth()) },
      params: { organizationId: ORG_ID, projects: [{ id: 'example-app-npd', coupling: 'loose', folder: 'non-production' }] },
    },
    { name: 'synth: no projects in the input or config', notApplicable: 'no projects in the input or config', input: { synth: synth(loggingSynth()) } },
  ],
  invalid: [
    { name: 'fails synth: no sink at all', input: { synth: synth(hierarchy) }, errors: [{ messageId: 'not-covered', address: PROJECT }] },
    {
      name: 'fails plan: the org sink keeps only Admin Activity',
      input: {
        plan: plan([
          projectInOrg,
          { address: 'google_logging_project_bucket_config.central', values: centralBucket({ cmek_settings: [] }) },
          { address: 'google_logging_organization_sink.org', values: orgSink({ filter: 'log_id("cloudaudit.googleapis.com/activity")' }), unknown: { writer_identity: true } },
        ]),
      },
      errors: [{ messageId: 'not-covered', address: PROJECT }],
    },
    {
      name: 'fails synth: the folder sink lacks include_children',
      input: { synth: synth({ ...hierarchy, google_logging_folder_sink: { production: folderSink({ include_children: false }) } }) },
      errors: [{ messageId: 'not-covered', address: PROJECT }],
    },
    {
      name: 'fails synth: a sink on another folder does not cover the project',
      input: {
        synth: synth({
          ...hierarchy,
          google_folder: { ...hierarchy.google_folder, shared: { display_name: 'Shared', parent: `organizations/${ORG_ID}` } },
          google_logging_folder_sink: { shared: folderSink({ folder: '${google_folder.shared.name}' }) },
        }),
      },
      errors: [{ messageId: 'not-covered', address: PROJECT }],
    },
    {
      name: 'fails synth: a config-declared project with no sink anywhere',
      input: { synth: synth({ google_logging_project_bucket_config: { central: centralBucket() } }) },
      params: { organizationId: ORG_ID, projects: [{ id: 'example-app-prd', coupling: 'tight', folder: 'production' }] },
      errors: [{ messageId: 'not-covered', address: RULE }],
    },
    {
      name: 'fails plan: a billing account sink covers no project',
      input: {
        plan: plan([
          projectInOrg,
          {
            address: 'google_logging_billing_account_sink.billing',
            values: { billing_account: '000000-AAAAAA-BBBBBB', name: 'billing', destination: ARCHIVE_URI, filter: '', disabled: false, exclusions: [] },
            unknown: { writer_identity: true },
          },
        ]),
      },
      errors: [{ messageId: 'not-covered', address: PROJECT, message: NOT_COVERED }],
    },
    { name: 'fails plan: another project\'s sink does not cover this project', input: { plan: plan([projectInOrg, projectSink('example-other-prd')]) }, errors: [{ messageId: 'not-covered', address: PROJECT }] },
    {
      name: 'fails plan: with the project\'s folder known only after apply, another project\'s sink still cannot cover it',
      input: { plan: plan([projectFolderLater, projectSink('example-other-prd')]) },
      errors: [{ messageId: 'not-covered', address: PROJECT }],
    },
    {
      name: 'fails synth (unknown): the org sink above the project takes its filter from a variable',
      input: { synth: synth({ google_project: { app: { project_id: 'example-app-prd', name: 'example-app-prd', org_id: ORG_ID } }, ...loggingSynth({ google_logging_organization_sink: { org: orgSink({ filter: '${var.filter}' }) } }) }) },
      errors: [{ messageId: 'coverage-unknown', address: PROJECT, outcome: 'unknown', message: 'Whether project example-app-prd is covered depends on filter of this sink, known only after apply.' }],
    },
    {
      name: 'fails synth (unknown): a project sink whose project comes from a variable may be this project\'s',
      input: { synth: synth({ google_project: { app: { project_id: 'example-app-prd', name: 'example-app-prd', org_id: ORG_ID } }, google_logging_project_sink: { own: { project: '${var.project}', name: 'audit', destination: ARCHIVE_URI, filter: '' } } }) },
      errors: [{ messageId: 'coverage-unknown', address: PROJECT, outcome: 'unknown', message: 'Whether project example-app-prd is covered depends on project of this sink, known only after apply.' }],
    },
    {
      name: 'fails plan (unknown): the project\'s folder is known only after apply',
      input: {
        plan: plan([
          projectFolderLater,
          { address: 'google_logging_organization_sink.org', values: orgSink({ destination: ARCHIVE_URI }), unknown: { writer_identity: true } },
        ]),
      },
      errors: [
        {
          messageId: 'parent-unknown',
          address: PROJECT,
          outcome: 'unknown',
          message: 'Project example-app-prd is covered only if a sink above it covers it, and its place in the hierarchy is known only after apply.',
        },
      ],
    },
    {
      name: 'fails synth (unknown): the folder sink\'s folder comes from a variable',
      input: { synth: synth({ ...hierarchy, google_logging_folder_sink: { production: folderSink({ folder: '${var.folder}' }) } }) },
      errors: [{ messageId: 'coverage-unknown', address: PROJECT, outcome: 'unknown', message: 'Whether project example-app-prd is covered depends on folder of this sink, known only after apply.' }],
    },
  ],
});
