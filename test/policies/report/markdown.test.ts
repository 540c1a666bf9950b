import { renderMarkdown } from '../../../policies/report/markdown';
import { sampleEvaluation } from './evaluation';

describe('markdown report', () => {
  const md = renderMarkdown(sampleEvaluation());

  test('opens with the verdict and a summary table by severity', () => {
    expect(md).toContain(':x: **FAIL**: 4 results at or above high (pack `all`, 9 rules, 42 resources, fail-on `high`, unknown `fail`)');
    expect(md).toContain(
      '| Severity | Findings | Unknown |\n| --- | --- | --- |\n| critical | 1 | 0 |\n| high | 2 | 1 |\n| medium | 0 | 1 |\n| low | 1 | 0 |\n',
    );
    expect(md).toContain('Suppressed: 2');
  });

  test('lists unsuppressed findings with rule, severity, address and message, most severe first', () => {
    const section = md.split('### Findings')[1]!.split('###')[0]!;
    const rows = section.split('\n').filter((l) => l.startsWith('| [`'));
    expect(rows).toEqual([
      '| [`iam-no-public-principals`](https://github.com/gcp-security-baseline/gcp-security-baseline/blob/main/policies/docs/rules/iam-no-public-principals.md) | critical | `iam/google_storage_bucket_iam_member.public` | allUsers is granted roles/storage.objectViewer. |',
      '| [`iam-no-basic-roles`](https://github.com/gcp-security-baseline/gcp-security-baseline/blob/main/policies/docs/rules/iam-no-basic-roles.md) | high | `google_project_iam_binding.project` | member "x" &lt;script&gt;&amp; \\| pipe bell \'quote\' |',
      '| [`logging-org-sink-covers-all`](https://github.com/gcp-security-baseline/gcp-security-baseline/blob/main/policies/docs/rules/logging-org-sink-covers-all.md) | high | `logging-org-sink-covers-all` | No organization sink routes audit logs to a central bucket. |',
      '| [`suppression-expired`](https://github.com/gcp-security-baseline/gcp-security-baseline/blob/main/policies/docs/rules/suppression-expired.md) | low | `iam/google_project_iam_member.old` | The suppression of iam-no-user-principals expired on 2020-01-01. |',
    ]);
  });

  test('lists unknowns apart from findings', () => {
    const section = md.split('### Unknown before apply')[1]!.split('###')[0]!;
    expect(section).toContain('| [`iam-no-user-principals`](https://github.com/gcp-security-baseline/gcp-security-baseline/blob/main/policies/docs/rules/iam-no-user-principals.md) | high | `iam/google_project_iam_member.runtime` |');
    expect(section).toContain('| [`logging-bucket-retention`](https://github.com/gcp-security-baseline/gcp-security-baseline/blob/main/policies/docs/rules/logging-bucket-retention.md) | medium |');
    expect(section).not.toContain('secrets-rotation');
  });

  test('lists every suppression with its reason, expiry and use', () => {
    const section = md.split('### Suppressions')[1]!;
    expect(section).toContain(
      '| `logging-bucket-cmek` | `logging/google_logging_project_bucket_config.*` | config | Google-managed keys until the KMS project exists. | 2099-01-31 | 1 |',
    );
    expect(section).toContain('| `secrets-rotation` | `google_secret_manager_secret.canary` | inline |');
    expect(section).toContain('| Contractor access during the migration. | 2020-01-01 | **expired** |');
  });

  test('a clean evaluation passes and has no findings section', () => {
    const clean = renderMarkdown(sampleEvaluation({ results: [], suppressions: [] }));
    expect(clean).toContain(':white_check_mark: **PASS**');
    expect(clean).not.toContain('### Findings');
    expect(clean).not.toContain('### Suppressions');
  });
});
