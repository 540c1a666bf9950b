import { resourceRule } from '../../engine/rule';
import { get } from '../../engine/model';

type MessageId = 'payload-in-config' | 'literal-write-only-payload';

/**
 * Never reads, copies or reports the payload: only whether the attribute is present. The
 * report data holds the attribute name and nothing else.
 */
export default resourceRule<MessageId>({
  meta: {
    id: 'secrets-no-payload-in-config',
    description: 'Keep secret payloads out of Terraform: add secret versions outside it, or through the write-only secret_data_wo from an ephemeral value.',
    severity: 'critical',
    category: 'secrets',
    controls: [],
    messages: {
      'payload-in-config': 'Resource carries a secret payload in `{{attribute}}`: it is stored in Terraform state and plan files in clear text.',
      'literal-write-only-payload': 'Resource writes a literal secret payload through `{{attribute}}`: the value sits in the source and the synthesized JSON.',
    },
    help:
      '`secret_data` on a secret version is saved in Terraform state (and plan files) in clear text, whoever reads the state reads the secret, whatever the value comes from (a literal, a variable, random_password). Create the secret in Terraform, and add versions out of band (gcloud, the application, a rotation function), or, with Terraform >= 1.11, through the write-only `secret_data_wo` fed from an ephemeral resource or an ephemeral variable, never a literal.',
  },
  types: ['*'],
  check(resource, context) {
    if (resource.action === 'delete') return;
    // Known, unknown (from a variable or another resource) or sensitive: all end up in state.
    if (get(resource, 'secret_data').state !== 'absent') {
      context.report(resource, 'payload-in-config', { attribute: 'secret_data' }, { path: 'secret_data' });
    }
    // Write-only values never reach state or plans; only a literal in the configuration itself leaks.
    const writeOnly = get(resource, 'secret_data_wo');
    if (writeOnly.state === 'known' && writeOnly.value !== '') {
      context.report(resource, 'literal-write-only-payload', { attribute: 'secret_data_wo' }, { path: 'secret_data_wo' });
    }
  },
});
