import { EXAMPLE_OPERATIONS, EXAMPLE_VARIABLES, type ExampleOperation, withVariables } from './operations.ts';

const INTRODUCTION = [
  '# Aptly Intelligence API, every endpoint in order. Set apiKey and password below, then send the requests one',
  '# by one in VS Code (httpYac extension), or all at once: npx httpyac send aptly-api.http --all',
  '# The requests are written as the REST Client extension reads them too, but reading the job id, the JWT and',
  '# the new key id from earlier responses ({{screen.job_id}}) and the `??` assertion lines are httpyac syntax.',
];

/** aptly-api.http, in httpyac's format (a superset of the REST Client extension's). */
export function restClientFile(baseUrl: string): string {
  const header = [
    ...INTRODUCTION,
    `@baseUrl = ${baseUrl}`,
    ...Object.entries(EXAMPLE_VARIABLES).map(([name, value]) => `@${name} = ${value}`),
  ];
  return `${[header.join('\n'), ...EXAMPLE_OPERATIONS.map(request)].join('\n\n')}\n`;
}

/** Where each captured variable comes from: `{{screen.job_id}}` (a named request's JSON body). */
const CAPTURED: ReadonlyMap<string, string> = new Map(
  EXAMPLE_OPERATIONS.flatMap((op) =>
    Object.entries(op.captures ?? {}).map(([name, field]) => [name, `{{${op.id}.${field}}}`] as const),
  ),
);

function request(op: ExampleOperation): string {
  const message = [`${op.method} {{baseUrl}}${withVariables(op.path)}`];
  if (op.auth === 'api_key') message.push('X-API-Key: {{apiKey}}');
  if (op.auth === 'bearer') message.push('Authorization: Bearer {{token}}');
  if (op.body?.type === 'json') {
    message.push('Content-Type: application/json', '', withVariables(JSON.stringify(op.body.value, null, 2)));
  } else if (op.body?.type === 'form') {
    const form = new URLSearchParams(op.body.value).toString();
    message.push('Content-Type: application/x-www-form-urlencoded', '', form);
  }
  const text = message.join('\n');
  // Set in the request's own region: httpyac evaluates them when this request is sent, after the earlier ones.
  const captured = [...CAPTURED]
    .filter(([name]) => text.includes(`{{${name}}}`))
    .map(([name, source]) => `@${name} = ${source}`);
  const asserts = Object.entries({ ...op.checks }).map(
    ([field, value]) => `?? body ${field} == ${withVariables(String(value))}`,
  );
  return [`### ${op.title}`, `# @name ${op.id}`, ...captured, text, '', '?? status == 200', ...asserts].join(
    '\n',
  );
}
