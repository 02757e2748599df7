import { z } from 'zod';
import { LIMITS } from '../../domain/limits.ts';

const INT32_MIN = -2_147_483_648;
const INT32_MAX = 2_147_483_647;

export const KeyListingItem = z
  .object({
    id: z.number().int(),
    name: z.string(),
    key_prefix: z.string().describe('The first 20 characters of the key.'),
    revoked: z.boolean(),
    created_at: z.string(),
    last_used_at: z.string().nullable().describe('May lag by up to a minute.'),
    monthly_cv_count: z.number().int().describe('CVs submitted with this key in the billing month.'),
    billing_month: z.string().describe('UTC billing month, YYYY-MM.'),
  })
  .meta({ id: 'ApiKey' });

export const KeyListing = z
  .object({
    api_access_enabled: z.boolean(),
    org_api_cvs_this_month: z.number().int(),
    committed_scans: z.number().int(),
    hard_cap_scans: z.number().int(),
    keys: z.array(KeyListingItem).describe('Every key of the organisation, revoked ones included.'),
  })
  .meta({ id: 'ApiKeyListing' });

/** Form data (urlencoded or multipart) or JSON. */
export const CreateKeyBody = z
  .object({ name: z.string().min(1).max(100).describe('A label, e.g. Production. 1–100 characters.') })
  .meta({ id: 'CreateApiKey' });

export const CreatedKey = z
  .object({
    id: z.number().int(),
    name: z.string(),
    key: z.string().describe('The full key: shown once, never again.'),
    key_prefix: z.string(),
    created_at: z.string(),
    warning: z.string(),
  })
  .meta({ id: 'CreatedApiKey' });

/** A path segment that must be an integer (422 otherwise), within the id column's range. */
export const KeyParams = z.object({
  key_id: z.preprocess(
    (value) => (typeof value === 'string' && /^[+-]?\d+$/.test(value) ? Number(value) : value),
    z.number().min(INT32_MIN).max(INT32_MAX).int().describe('The numeric id from GET /api/v1/keys.'),
  ),
});

export const MAX_ACTIVE_KEYS_NOTE = `At most ${LIMITS.maxActiveApiKeys} active keys per organisation.`;
