import { AppError } from '../domain/errors.ts';
import type { UserPrincipal } from '../domain/principals.ts';
import { MESSAGES } from './messages.ts';

/**
 * The organisation a dashboard user manages keys and secrets for. Refused (403) while the user's email
 * is unverified or when they belong to no organisation.
 */
export function organisationOf(user: UserPrincipal): number {
  if (!user.emailVerified) throw new AppError('forbidden', MESSAGES.emailNotVerified);
  if (user.orgId === null) throw new AppError('forbidden', MESSAGES.noOrganisation);
  return user.orgId;
}
