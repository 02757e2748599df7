import type { Kysely } from 'kysely';
import { AppError } from '../domain/errors.ts';
import type { Database } from '../store/schema.ts';
import { chargeUsage, type UsageCharge } from '../store/usage.repository.ts';

/** The documented 429 body: the detail sentence plus the figures an integration can act on. */
export function quotaExceeded(
  used: number,
  hardCap: number,
  requested: number,
  billingMonth: string,
): AppError {
  return new AppError(
    'quota_exceeded',
    `Monthly API quota would be exceeded. Used ${used} of ${hardCap} CVs this month; this request of ` +
      `${requested} CVs would push you over the limit. Please contact hello@aptly.pro to increase your limit.`,
    { current_usage: used, hard_cap: hardCap, requested_count: requested, billing_month: billingMonth },
  );
}

/**
 * Charges a submission to its organisation's monthly quota, or throws the 429. Run inside the submission's
 * transaction: the throw rolls back everything, so a refused request charges nothing.
 */
export async function chargeQuota(tx: Kysely<Database>, charge: UsageCharge): Promise<void> {
  const result = await chargeUsage(tx, charge);
  if (!result.charged) throw quotaExceeded(result.used, result.hardCap, charge.count, charge.billingMonth);
}
