import type { BootstrapResult } from '../accounts/index.ts';

/** A URL a person on this machine can paste: a wildcard listen address is reached through loopback. */
export function reachableUrl(listenUrl: string): string {
  const url = new URL(listenUrl);
  if (url.hostname === '0.0.0.0' || url.hostname === '[::]') url.hostname = '127.0.0.1';
  return url.origin;
}

/**
 * What a first start prints once to stdout: the admin login and the API key (neither is shown again nor
 * logged), and a request to try at once.
 */
export function bootstrapBanner(created: BootstrapResult, baseUrl: string | undefined): string {
  const base = baseUrl ?? 'http://127.0.0.1:8080';
  const body = JSON.stringify({
    job_spec: 'Senior Python developer with 5+ years FastAPI experience, PostgreSQL, async Python.',
    candidates: [
      { candidate_ref: 'internal-id-001', cv_text: '7 years Python experience, built APIs with FastAPI...' },
    ],
  });
  const rule = '='.repeat(78);
  return [
    rule,
    'Aptly Intelligence: first start. Created a default organisation, an admin user and an API key.',
    'They are shown only this once: store them now.',
    '',
    `  Admin login:  ${created.email}`,
    `  Password:     ${created.password}`,
    `  API key:      ${created.apiKey}`,
    '',
    'Try it:',
    `  curl -X POST ${base}/api/v1/screen -H "X-API-Key: ${created.apiKey}" -H "Content-Type: application/json" -d '${body}'`,
    `  curl ${base}/api/v1/jobs/JOB_ID -H "X-API-Key: ${created.apiKey}"`,
    '',
    `Dashboard:     ${base}/  (sign in with the admin login above)`,
    `API reference: ${base}/docs`,
    rule,
    '',
  ].join('\n');
}
