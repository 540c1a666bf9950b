/**
 * People reach Google Cloud through groups, so joining and leaving is one directory change and access
 * reviews read group membership. A `user:` member is allowed only when it is a configured break-glass account.
 */
import { describeMember } from '../../gcp/principals';
import { describeRole } from '../../gcp/roles';
import { eachLiveMemberGrant } from '../../gcp/iam-grants';
import { modelRule } from '../../engine/rule';

export default modelRule({
  meta: {
    id: 'iam-no-user-principals',
    description: 'Grant roles to groups, not to individual user accounts (break-glass accounts excepted).',
    severity: 'medium',
    category: 'iam',
    controls: [],
    messages: {
      'user-principal': 'Grants {{role}} to the individual account {{member}}; grant it to a group.',
      'member-unknown': 'Grants {{role}} to a member known only after apply ({{member}}); it may be an individual account.',
    },
    help:
      'Access held by individual accounts is invisible to group-based access reviews and survives a move or a ' +
      'departure until someone remembers it. Grant the role to a Google group and manage membership in the ' +
      'directory. Break-glass accounts are the exception: list them in the config under policy.breakGlassPrincipals.',
  },
  check(context) {
    const breakGlass = new Set(context.params.breakGlassPrincipals.map((p) => p.toLowerCase()));
    eachLiveMemberGrant(context, (grant, resource) => {
      const member = describeMember(context.model, grant.member);
      const data = { role: describeRole(context.model, grant.role).display, member: member.display };
      const options = { path: grant.path };
      if (member.kind === 'user' && !member.unknown) {
        if (!breakGlass.has(member.display.toLowerCase())) context.report(resource, 'user-principal', data, options);
      } else if (member.kind === 'user') {
        // `user:${var.name}`: an individual account for sure; which one matters only when break-glass accounts exist.
        if (breakGlass.size === 0) context.report(resource, 'user-principal', data, options);
        else context.unknown(resource, 'member-unknown', data, options);
      } else if (member.kind === undefined && member.unknown) {
        context.unknown(resource, 'member-unknown', data, options);
      }
    });
  },
});
