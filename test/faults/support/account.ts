import { randomBytes } from 'node:crypto';
import { aptly } from '../../cli/serve-process.ts';

/** An organisation with a verified user and an API key, made with the admin CLI as an operator would. */
export interface Account {
  readonly orgId: number;
  readonly apiKey: string;
  readonly email: string;
  readonly password: string;
}

/** `aptly <args>` on the database; its one line of JSON, parsed. */
export async function adminJson(
  args: string[],
  env: Record<string, string>,
): Promise<Record<string, unknown>> {
  const run = aptly(args, env);
  const code = await run.exited;
  if (code !== 0) throw new Error(`aptly ${args[0]} ${args[1]} exited ${code}: ${run.stderr()}`);
  return JSON.parse(run.stdout().trim()) as Record<string, unknown>;
}

export async function createAccount(
  env: Record<string, string>,
  plan: { readonly hardCap?: number } = {},
): Promise<Account> {
  const capArgs =
    plan.hardCap === undefined
      ? []
      : ['--committed', String(plan.hardCap), '--hard-cap', String(plan.hardCap)];
  const org = await adminJson(['org', 'create', '--name', 'Fault Test Ltd', ...capArgs], env);
  const orgId = Number(org.id);
  const email = `faults-${randomBytes(4).toString('hex')}@example.com`;
  const password = `pw-${randomBytes(8).toString('hex')}`;
  await adminJson(
    ['user', 'create', '--org', String(orgId), '--email', email, '--password', password, '--verified'],
    env,
  );
  const key = await adminJson(['key', 'create', '--org', String(orgId), '--name', 'faults'], env);
  if (typeof key.key !== 'string') throw new Error('key create printed no key');
  return { orgId, apiKey: key.key, email, password };
}

/** A dashboard JWT (POST /api/v1/auth/login). */
export async function login(baseUrl: string, account: Account): Promise<string> {
  const response = await fetch(`${baseUrl}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ email: account.email, password: account.password }),
  });
  if (!response.ok) throw new Error(`login answered ${response.status}`);
  return ((await response.json()) as { access_token: string }).access_token;
}

/** The organisation's `whsec_` signing secret, as a receiver would fetch it from the dashboard API. */
export async function webhookSecret(baseUrl: string, account: Account): Promise<string> {
  const token = await login(baseUrl, account);
  const response = await fetch(`${baseUrl}/api/v1/webhooks/secret`, {
    headers: { Authorization: `Bearer ${token}` },
  });
  if (!response.ok) throw new Error(`webhooks/secret answered ${response.status}`);
  return ((await response.json()) as { webhook_secret: string }).webhook_secret;
}

/** GET /api/v1/keys: the organisation's usage this month, as the API reports it. */
export async function usageThisMonth(baseUrl: string, account: Account): Promise<number> {
  const token = await login(baseUrl, account);
  const response = await fetch(`${baseUrl}/api/v1/keys`, { headers: { Authorization: `Bearer ${token}` } });
  if (!response.ok) throw new Error(`GET /api/v1/keys answered ${response.status}`);
  return ((await response.json()) as { org_api_cvs_this_month: number }).org_api_cvs_this_month;
}
