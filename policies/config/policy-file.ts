/**
 * A team's own policy file (`.baseline.yaml` in the working directory, or `--config FILE`): only rule
 * parameters and suppressions, for checking Terraform that has no org config behind it.
 *
 *   allowedMemberDomains: [example.com]
 *   minimumRetentionDays: 400
 *   suppressions:
 *     - { rule: iam-no-basic-roles, address: google_project_iam_member.legacy, reason: "...", expires: 2027-01-31 }
 */
import { z } from 'zod';
import { suppression } from './org-config';

const domain = z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/i, 'a domain such as "example.com"');

export const policyFileSchema = z.strictObject({
  /** Domains (and so customers) whose users, groups and domains may be IAM members. @default - none checked */
  allowedMemberDomains: z.array(domain).optional(),
  /** `user:` principals allowed as break-glass accounts. @default - none */
  breakGlassPrincipals: z.array(z.string().regex(/^user:[^\s@]+@[^\s@]+$/, 'a principal such as "user:breakglass@example.com"')).optional(),
  /** Minimum log retention in days. @default 365 */
  minimumRetentionDays: z.number().int().min(1).max(3650).optional(),
  /** Maximum rotation period in days for KMS keys and secrets (at most the CIS bar). @default 90 */
  maxRotationDays: z.number().int().min(1).max(90).optional(),
  /** Boolean org policy constraints that must be enforced at the organization. @default - the CIS set */
  requiredConstraints: z.array(z.string().regex(/^[a-zA-Z]+\.[a-zA-Z.]+$/)).optional(),
  /** Essential contact categories the organization must cover. @default LEGAL, SECURITY, SUSPENSION, TECHNICAL */
  requiredContactCategories: z.array(z.string()).optional(),
  /** Numeric organization id, when the input is one organization's. @default - any organization */
  organizationId: z.string().regex(/^\d+$/, 'a numeric organization id').optional(),
  /** The failed sign-in filter the alerting rules look for. @default - Google sign-in failures */
  failedLoginFilter: z.string().min(1).optional(),
  suppressions: z.array(suppression).default([]),
});

export type PolicyFile = z.output<typeof policyFileSchema>;
