import MarkdownIt from 'markdown-it';
import type { Result } from '../../../policies/engine/results';
import { renderMarkdown } from '../../../policies/report/markdown';
import { sampleEvaluation } from './evaluation';

/** Renders as a pull-request comment does: CommonMark with GFM tables and autolinks, raw HTML off. */
const render = (markdown: string) => new MarkdownIt({ html: false, linkify: true }).render(markdown);

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
      '| [`iam-no-basic-roles`](https://github.com/gcp-security-baseline/gcp-security-baseline/blob/main/policies/docs/rules/iam-no-basic-roles.md) | high | `google_project_iam_binding.project` | member "x" \\<script\\>\\&amp; \\| pipe bell \'quote\' |',
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

  describe('text from the input cannot break out of its cell or its code span (rendered with markdown-it)', () => {
    const hostile = (address: string, message: string): Result => ({
      ...sampleEvaluation().results.find((r) => r.ruleId === 'iam-no-basic-roles')!,
      resourceId: address,
      address,
      message,
    });
    const html = (address: string, message: string) => render(renderMarkdown(sampleEvaluation({ results: [hostile(address, message)], suppressions: [] })));

    it.each([
      ['a backtick', 'google_project_iam_member.a`b'],
      ['a double backtick and a pipe', 'module.x["a``|b"].google_project_iam_member.m'],
      ['a leading backtick', '`google_project_iam_member.m'],
      ['a link', 'google_project_iam_member.[x](https://evil.example)'],
    ])('keeps an address with %s whole in one code span', (_, address) => {
      const cells = [...html(address, 'm').matchAll(/<td><code>(.*?)<\/code><\/td>/g)].map((m) => m[1].replace(/&quot;/g, '"').replace(/&amp;/g, '&'));
      expect(cells).toEqual([address]);
    });

    it('shows a member written as a Markdown link, emphasis or HTML as the characters it is: no link, no markup', () => {
      const message = 'Grants roles/owner to [security team](https://evil.example/phish) **now** <img src=x onerror=alert(1)> _x_ ~~y~~';
      const out = html('google_project_iam_member.m', message);
      const links = [...out.matchAll(/<a href="([^"]*)"/g)].map((m) => m[1]);
      expect(links).toEqual(['https://github.com/gcp-security-baseline/gcp-security-baseline/blob/main/policies/docs/rules/iam-no-basic-roles.md']);
      const row = /<tr>\s*<td><a[^]*?<\/tr>/.exec(out)![0];
      expect(row).not.toMatch(/<(strong|em|s|img)\b/);
      const cell = /<td>(Grants[^<]*(?:&lt;[^<]*)*)<\/td>/.exec(row)![1];
      expect(cell.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&')).toBe(message);
    });
  });
});
