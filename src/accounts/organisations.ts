import type { Kysely } from 'kysely';
import { AppError, badRequest } from '../domain/errors.ts';
import type { Timestamp } from '../domain/time.ts';
import {
  insertOrganisation,
  lockOrganisation,
  type OrganisationChanges,
  updateOrganisationRow,
} from '../store/organisations.repository.ts';
import type { Database } from '../store/schema.ts';
import { generateWebhookSecret } from '../webhooks/secret.ts';
import { MESSAGES } from './messages.ts';
import type { Organisation } from './model.ts';
import { inTransaction } from './transaction.ts';

/** The plan a new organisation gets unless told otherwise (the bootstrap's, too). */
export const DEFAULT_PLAN = Object.freeze({
  apiAccessEnabled: true,
  committedScans: 1_000,
  hardCapScans: 1_500,
});
/** Without an explicit hard cap, it leaves the same headroom over the commitment as the default plan. */
const HARD_CAP_HEADROOM = DEFAULT_PLAN.hardCapScans / DEFAULT_PLAN.committedScans;
const MAX_NAME_LENGTH = 200;

export interface OrganisationInput {
  readonly name: string;
  readonly apiAccessEnabled?: boolean;
  readonly committedScans?: number;
  readonly hardCapScans?: number;
}

export type OrganisationPatch = Partial<OrganisationInput>;

export function organisationMissing(id: number): AppError {
  return new AppError('not_found', `Organisation ${id} not found`);
}

/** The 403 of an organisation whose API access is off: it neither screens nor gets new keys. */
export function requireApiAccess(org: Pick<Organisation, 'apiAccessEnabled'>): void {
  if (!org.apiAccessEnabled) throw new AppError('forbidden', MESSAGES.apiAccessDisabled);
}

export async function createOrganisation(
  db: Kysely<Database>,
  input: OrganisationInput,
  at: Timestamp,
): Promise<Organisation> {
  const committedScans =
    input.committedScans ??
    Math.min(DEFAULT_PLAN.committedScans, input.hardCapScans ?? Number.POSITIVE_INFINITY);
  const hardCapScans = input.hardCapScans ?? Math.round(committedScans * HARD_CAP_HEADROOM);
  const org = {
    name: validName(input.name),
    apiAccessEnabled: input.apiAccessEnabled ?? DEFAULT_PLAN.apiAccessEnabled,
    ...validPlan(committedScans, hardCapScans),
  };
  return insertOrganisation(db, { ...org, webhookSecret: generateWebhookSecret(), createdAt: at });
}

/** Changes what the patch names; the plan is checked as a whole, against the stored values. */
export async function updateOrganisation(
  db: Kysely<Database>,
  id: number,
  patch: OrganisationPatch,
): Promise<Organisation> {
  if (Object.values(patch).every((value) => value === undefined)) throw badRequest('Nothing to update');
  return inTransaction(db, async (trx) => {
    const current = await lockOrganisation(trx, id);
    if (!current) throw organisationMissing(id);
    const changes: OrganisationChanges = {
      ...(patch.name !== undefined && { name: validName(patch.name) }),
      ...(patch.apiAccessEnabled !== undefined && { apiAccessEnabled: patch.apiAccessEnabled }),
      ...validPlan(
        patch.committedScans ?? current.committedScans,
        patch.hardCapScans ?? current.hardCapScans,
      ),
    };
    const updated = await updateOrganisationRow(trx, id, changes);
    if (!updated) throw organisationMissing(id);
    return updated;
  });
}

function validName(name: string): string {
  const trimmed = name.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_NAME_LENGTH)
    throw badRequest(`Organisation name must be 1 to ${MAX_NAME_LENGTH} characters`);
  return trimmed;
}

function validPlan(committedScans: number, hardCapScans: number) {
  for (const [label, value] of [
    ['Committed scans', committedScans],
    ['Hard cap', hardCapScans],
  ] as const) {
    if (!Number.isSafeInteger(value) || value < 0)
      throw badRequest(`${label} must be a whole number, 0 or more`);
  }
  if (hardCapScans < committedScans)
    throw badRequest(`Hard cap (${hardCapScans}) must not be below committed scans (${committedScans})`);
  return { committedScans, hardCapScans };
}
