/**
 * Where a `google_monitoring_notification_channel` keeps credentials. `labels` are returned in clear by the
 * Monitoring API to anyone who may read the channel; `sensitive_labels` are obfuscated by the API and marked
 * sensitive by the provider. The provider accepts exactly three keys there (resource_monitoring_notification_channel.go,
 * `sensitive_labels`): `auth_token` (slack), `password` (webhook_basicauth) and `service_key` (pagerduty), each
 * also as a write-only `*_wo` argument.
 */

/** Label keys that hold a credential and belong in `sensitive_labels`. */
export const SENSITIVE_LABEL_KEYS: readonly string[] = ['auth_token', 'password', 'service_key'];

/** Label keys whose value is a URL that may carry a credential (webhook_tokenauth, webhook_basicauth). */
export const URL_LABEL_KEYS: readonly string[] = ['url'];

/** Query parameter names that carry a credential: exactly these, or a name ending in `_<one of these>` / `-<one of these>`. */
const CREDENTIAL_PARAMETER = /^(?:.*[_-])?(token|key|secret|sig|signature|auth|access_token|apikey|api_key|password|passwd|pwd)$/i;

/**
 * Where a URL (as written; `${...}` templates allowed) carries a credential: `userinfo` for
 * `https://user:pass@host`, the parameter name for a credential query parameter. Never the value.
 */
export function urlCredentialParts(url: string): string[] {
  const parts: string[] = [];
  const authority = /^[a-z][a-z0-9+.-]*:\/\/([^/?#]*)/i.exec(url);
  if (authority && authority[1].includes('@')) parts.push('userinfo');
  const query = url.indexOf('?');
  if (query >= 0) {
    const end = url.indexOf('#', query);
    for (const pair of url.slice(query + 1, end < 0 ? undefined : end).split('&')) {
      const name = pair.split('=')[0];
      if (CREDENTIAL_PARAMETER.test(name)) parts.push(`query parameter ${name}`);
    }
  }
  return parts;
}
