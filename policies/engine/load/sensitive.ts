/**
 * Synthesized JSON carries no sensitivity marks (plans do, from the provider schema). These attribute
 * names are sensitive in the google provider's schema wherever they appear at the top of a resource,
 * so the engine never renders their values from synth input either.
 */
export const SENSITIVE_ATTRIBUTE_NAMES: ReadonlySet<string> = new Set([
  'secret_data',
  'secret_data_wo',
  'private_key',
  'password',
  'password_wo',
  'client_secret',
  'sensitive_labels',
  'sensitive_params',
  'service_account_key',
  'auth_token',
  'token',
  'credentials',
]);
