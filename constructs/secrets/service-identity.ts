/**
 * `google_project_service_identity`: makes Google create a service's agent in a project and
 * returns its email. Secret Manager creates its agent lazily, so granting the agent anything (the
 * rotation topic, a CMEK key) first needs this resource. It exists only in the google-beta
 * provider, which @cdktf/provider-google does not ship; this small binding adds exactly it.
 */
import { Construct } from 'constructs';
import { TerraformProvider, TerraformResource, TerraformStack, stringToHclTerraform } from 'cdktf';

/** google-beta at the version of the google provider the stacks use. */
const GOOGLE_BETA = { providerName: 'google-beta', providerVersion: '6.50.0', providerVersionConstraint: '~> 6.0' };

class GoogleBetaProvider extends TerraformProvider {
  constructor(scope: Construct, id: string) {
    super(scope, id, { terraformResourceType: 'google-beta', terraformGeneratorMetadata: GOOGLE_BETA, terraformProviderSource: 'hashicorp/google-beta' });
  }
}

/** The stack's one google-beta provider, created on first use. */
function googleBeta(scope: Construct): TerraformProvider {
  const stack = TerraformStack.of(scope);
  const existing = stack.node.tryFindChild('google-beta');
  return existing instanceof TerraformProvider ? existing : new GoogleBetaProvider(stack, 'google-beta');
}

export interface ServiceIdentityProps {
  /** Project id the agent belongs to. */
  readonly project: string;
  /** The service, e.g. `secretmanager.googleapis.com`. */
  readonly service: string;
}

export class ServiceIdentity extends TerraformResource {
  static readonly tfResourceType = 'google_project_service_identity';

  constructor(
    scope: Construct,
    id: string,
    private readonly props: ServiceIdentityProps,
  ) {
    super(scope, id, {
      terraformResourceType: ServiceIdentity.tfResourceType,
      terraformGeneratorMetadata: GOOGLE_BETA,
      provider: googleBeta(scope),
    });
  }

  /** The agent's email address, known after apply. */
  get email(): string {
    return this.getStringAttribute('email');
  }

  /** `serviceAccount:<email>`, ready for an IAM member. */
  get member(): string {
    return `serviceAccount:${this.email}`;
  }

  protected synthesizeAttributes(): Record<string, unknown> {
    return { project: this.props.project, service: this.props.service };
  }

  protected synthesizeHclAttributes(): Record<string, unknown> {
    return {
      project: { value: stringToHclTerraform(this.props.project), isBlock: false, type: 'simple', storageClassType: 'string' },
      service: { value: stringToHclTerraform(this.props.service), isBlock: false, type: 'simple', storageClassType: 'string' },
    };
  }
}
