import type { ApiKeyWithUsage } from '../store/api-keys.repository.ts';
import type { KeyListingItem } from './model.ts';

/** A key as GET /api/v1/keys shows it: never its digest, and counts for the billing month given. */
export function toKeyListingItem(key: ApiKeyWithUsage, billingMonth: string): KeyListingItem {
  return {
    id: key.id,
    name: key.name,
    key_prefix: key.keyPrefix,
    revoked: key.revoked,
    created_at: key.createdAt,
    last_used_at: key.lastUsedAt,
    monthly_cv_count: key.monthlyCvCount,
    billing_month: billingMonth,
  };
}
