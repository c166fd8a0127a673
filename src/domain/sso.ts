/**
 * Single sign-on for staff: which identity provider, and how its groups become Redress roles. At every
 * sign-in the role is derived again from the groups the provider names, so a change of group there is a
 * change of role here at the next sign-in, and someone in no mapped group is not let in at all.
 */
import { ROLES, type Role } from './procedure.ts';

export interface OidcSettings {
  /** OIDC_ISSUER: the provider's issuer URL (its discovery document is at /.well-known/openid-configuration). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** OIDC_SCOPES, space-separated; always includes `openid`. */
  scopes: string;
  /** OIDC_GROUPS_CLAIM: the ID token or userinfo claim listing the person's groups (default `groups`). */
  groupsClaim: string;
  /** OIDC_ROLE_GROUPS: which provider group gives which role. */
  roleGroups: { group: string; role: Role }[];
  /** What the sign-in button says (OIDC_BUTTON_LABEL, default "Sign in with single sign-on"). */
  buttonLabel: string;
}

export interface StaffSignInSettings {
  /** LOCAL_PASSWORDS: whether staff may sign in with a password (default on). */
  localPasswords: boolean;
  oidc: OidcSettings | undefined;
  /**
   * MFA_REQUIRED_ROLES: roles whose holders, when they sign in with a password, must use 2-step
   * verification (a TOTP authenticator); none by default.
   */
  mfaRequiredRoles?: readonly Role[] | undefined;
}

/** Least to most: the highest role a person's groups map to is the one they get. */
const RANK: Record<Role, number> = { agent: 0, reviewer: 1, director: 2, admin: 3 };

/**
 * The role the provider's groups give, the highest of those mapped; null when no group is mapped (or the
 * claim is missing or not a list of names).
 */
export function roleFromGroups(groups: unknown, roleGroups: OidcSettings['roleGroups']): Role | null {
  const named = Array.isArray(groups) ? groups.filter((g): g is string => typeof g === 'string') : [];
  let best: Role | null = null;
  for (const { group, role } of roleGroups) {
    if (named.includes(group) && (best === null || RANK[role] > RANK[best])) best = role;
  }
  return best;
}

/**
 * Parses `OIDC_ROLE_GROUPS` (`group:role,group:role`); a group name may itself hold colons (the role is
 * after the last). Returns the mapping or what is wrong with it.
 */
export function parseRoleGroups(
  text: string,
): { ok: true; roleGroups: OidcSettings['roleGroups'] } | { ok: false; message: string } {
  const roleGroups: OidcSettings['roleGroups'] = [];
  for (const entry of text.split(',').map((e) => e.trim())) {
    if (!entry) continue;
    const at = entry.lastIndexOf(':');
    const group = entry.slice(0, at).trim();
    const role = entry.slice(at + 1).trim();
    if (at <= 0 || !group) {
      return { ok: false, message: `"${entry}" must be GROUP:ROLE, e.g. redress-admins:admin` };
    }
    if (!(ROLES as readonly string[]).includes(role)) {
      return { ok: false, message: `"${entry}": the role must be one of ${ROLES.join(', ')}` };
    }
    roleGroups.push({ group, role: role as Role });
  }
  if (roleGroups.length === 0) {
    return { ok: false, message: 'must map at least one group to a role, e.g. redress-agents:agent' };
  }
  return { ok: true, roleGroups };
}
