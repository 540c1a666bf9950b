import rule from '../../../../policies/rules/iam/iam-kms-separation-of-duties';
import { plan, runRuleTests, synth } from '../../../../policies/testing/rule-tester';
import { corpusPlan } from './corpus';

const ADMIN = 'roles/cloudkms.admin';
const SECURITY = 'group:gcp-security@example.com';
const APP = 'serviceAccount:app@example-app-prd.iam.gserviceaccount.com';
const RING = 'projects/example-kms-prd/locations/europe-west1/keyRings/baseline';
const OTHER_RING = 'projects/example-kms-prd/locations/europe-west1/keyRings/other';

/** A key ring and a key in it, as the baseline's kms construct declares them. */
const keyResources = {
  google_kms_key_ring: { ring: { name: 'baseline', location: 'europe-west1', project: 'example-kms-prd' } },
  google_kms_crypto_key: { logs: { name: 'logs', key_ring: '${google_kms_key_ring.ring.id}', rotation_period: '7776000s' } },
};

runRuleTests(rule, {
  valid: [
    {
      name: 'admin to the security group, key use to the workload (synth)',
      input: {
        synth: synth({
          ...keyResources,
          google_kms_key_ring_iam_member: { admin: { key_ring_id: '${google_kms_key_ring.ring.id}', role: ADMIN, member: SECURITY } },
          google_kms_crypto_key_iam_member: { use: { crypto_key_id: '${google_kms_crypto_key.logs.id}', role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', member: APP } },
        }),
      },
    },
    {
      name: 'one member administers one key ring and uses a key of another (synth)',
      input: {
        synth: synth({
          google_kms_key_ring_iam_member: { admin: { key_ring_id: RING, role: ADMIN, member: SECURITY } },
          google_kms_crypto_key_iam_member: { use: { crypto_key_id: `${OTHER_RING}/cryptoKeys/k`, role: 'roles/cloudkms.cryptoKeyDecrypter', member: SECURITY } },
        }),
      },
    },
    {
      name: 'a single admin grant (corpus plan; its public member is another rule\'s business)',
      input: corpusPlan('example_kms_crypto_key_iam_member.tfplan.json'),
    },
    {
      name: 'a key-use grant being deleted (plan)',
      input: {
        plan: plan([
          { address: 'google_kms_key_ring_iam_member.admin', values: { key_ring_id: RING, role: ADMIN, member: SECURITY } },
          { address: 'google_kms_crypto_key_iam_member.use', action: 'delete', values: { crypto_key_id: `${RING}/cryptoKeys/k`, role: 'roles/cloudkms.cryptoKeyEncrypter', member: SECURITY } },
        ]),
      },
    },
  ],
  invalid: [
    {
      name: 'fails when admin on a key ring meets key use on a key in it, both referenced (synth)',
      input: {
        synth: synth({
          ...keyResources,
          google_kms_key_ring_iam_member: { admin: { key_ring_id: '${google_kms_key_ring.ring.id}', role: ADMIN, member: SECURITY } },
          google_kms_crypto_key_iam_member: { use: { crypto_key_id: '${google_kms_crypto_key.logs.id}', role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', member: SECURITY } },
        }),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_kms_key_ring_iam_member.admin' },
        { messageId: 'holds-both', address: 'google_kms_crypto_key_iam_member.use' },
      ],
    },
    {
      name: 'fails when admin at the project meets key use inside policy_data on a key (synth)',
      input: {
        synth: synth({
          google_project_iam_member: { admin: { project: 'example-kms-prd', role: ADMIN, member: APP } },
          google_kms_crypto_key_iam_policy: {
            key: { crypto_key_id: `${RING}/cryptoKeys/logs`, policy_data: JSON.stringify({ bindings: [{ role: 'roles/cloudkms.cryptoKeyDecrypter', members: [SECURITY, APP] }] }) },
          },
        }),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_project_iam_member.admin' },
        { messageId: 'holds-both', address: 'google_kms_crypto_key_iam_policy.key' },
      ],
    },
    {
      name: 'fails as unknown when the key-use member is known only after apply (synth)',
      input: {
        synth: synth({
          google_kms_key_ring_iam_member: { admin: { key_ring_id: RING, role: ADMIN, member: SECURITY } },
          google_kms_crypto_key_iam_member: { use: { crypto_key_id: `${RING}/cryptoKeys/k`, role: 'roles/cloudkms.cryptoKeyEncrypter', member: '${var.key_user}' } },
        }),
      },
      errors: [
        { messageId: 'member-unknown', address: 'google_kms_key_ring_iam_member.admin', outcome: 'unknown' },
        { messageId: 'member-unknown', address: 'google_kms_crypto_key_iam_member.use', outcome: 'unknown' },
      ],
    },
    {
      name: 'fails on a key ring binding and a key member in a module with for_each (plan)',
      input: {
        plan: plan([
          { address: 'module.kms["prd"].google_kms_key_ring_iam_binding.admins', values: { key_ring_id: RING, role: ADMIN, members: [SECURITY] } },
          { address: 'module.kms["prd"].google_kms_crypto_key_iam_member.use[0]', values: { crypto_key_id: `${RING}/cryptoKeys/logs`, role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', member: SECURITY } },
        ]),
      },
      errors: [
        { messageId: 'holds-both', address: 'module.kms["prd"].google_kms_key_ring_iam_binding.admins' },
        { messageId: 'holds-both', address: 'module.kms["prd"].google_kms_crypto_key_iam_member.use[0]' },
      ],
    },
    {
      name: 'fails on admin and key use through data.google_iam_policy on one key (plan)',
      input: {
        plan: plan([
          { address: 'data.google_iam_policy.key', values: { binding: [{ role: ADMIN, members: [SECURITY], condition: [] }, { role: 'roles/cloudkms.cryptoKeyDecrypter', members: [SECURITY], condition: [] }] } },
          { address: 'google_kms_crypto_key_iam_policy.key', values: { crypto_key_id: `${RING}/cryptoKeys/logs` }, unknown: { policy_data: true }, references: { policy_data: ['data.google_iam_policy.key.policy_data', 'data.google_iam_policy.key'] } },
        ]),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_kms_crypto_key_iam_policy.key' },
        { messageId: 'holds-both', address: 'google_kms_crypto_key_iam_policy.key' },
      ],
    },
    {
      name: 'fails when admin at a folder meets key use on a key of a project in a subfolder of it (plan)',
      input: {
        plan: plan([
          { address: 'google_folder.prod', values: { display_name: 'prod', parent: 'organizations/123456789012' }, unknown: { name: true } },
          { address: 'google_folder.payments', values: { display_name: 'payments' }, unknown: { name: true, parent: true }, references: { parent: ['google_folder.prod.name', 'google_folder.prod'] } },
          { address: 'google_project.kms', values: { project_id: 'example-kms-prd', name: 'kms' }, unknown: { folder_id: true }, references: { folder_id: ['google_folder.payments.name', 'google_folder.payments'] } },
          { address: 'google_folder_iam_member.admin', values: { role: ADMIN, member: SECURITY }, unknown: { folder: true }, references: { folder: ['google_folder.prod.name', 'google_folder.prod'] } },
          { address: 'google_kms_crypto_key_iam_member.use', values: { crypto_key_id: `${RING}/cryptoKeys/logs`, role: 'roles/cloudkms.cryptoKeyDecrypter', member: SECURITY } },
        ]),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_folder_iam_member.admin' },
        { messageId: 'holds-both', address: 'google_kms_crypto_key_iam_member.use' },
      ],
    },
    {
      name: 'fails when admin on one key meets key use on its key ring, which reaches every key in it (synth)',
      input: {
        synth: synth({
          google_kms_crypto_key_iam_member: { admin: { crypto_key_id: `${RING}/cryptoKeys/logs`, role: ADMIN, member: APP } },
          google_kms_key_ring_iam_binding: { use: { key_ring_id: RING, role: 'roles/cloudkms.cryptoKeyEncrypter', members: [SECURITY, APP] } },
        }),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_kms_crypto_key_iam_member.admin' },
        { messageId: 'holds-both', address: 'google_kms_key_ring_iam_binding.use' },
      ],
    },
    {
      name: 'fails when key use at the organization meets admin on a referenced key ring (synth)',
      input: {
        synth: synth({
          ...keyResources,
          google_organization_iam_member: { use: { org_id: '123456789012', role: 'roles/cloudkms.cryptoKeyEncrypterDecrypter', member: SECURITY } },
          google_kms_key_ring_iam_member: { admin: { key_ring_id: '${google_kms_key_ring.ring.id}', role: ADMIN, member: SECURITY } },
        }),
      },
      errors: [
        { messageId: 'holds-both', address: 'google_organization_iam_member.use' },
        { messageId: 'holds-both', address: 'google_kms_key_ring_iam_member.admin' },
      ],
    },
    {
      name: 'fails as unknown when the key is known only after apply (plan)',
      input: {
        plan: plan([
          { address: 'google_kms_key_ring_iam_member.admin', values: { key_ring_id: RING, role: ADMIN, member: SECURITY } },
          { address: 'google_kms_crypto_key_iam_member.use', values: { role: 'roles/cloudkms.cryptoKeyEncrypter', member: SECURITY }, unknown: { crypto_key_id: true } },
        ]),
      },
      errors: [
        { messageId: 'scope-unknown', address: 'google_kms_key_ring_iam_member.admin', outcome: 'unknown' },
        { messageId: 'scope-unknown', address: 'google_kms_crypto_key_iam_member.use', outcome: 'unknown' },
      ],
    },
  ],
});
