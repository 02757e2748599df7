import { EXAMPLE_OPERATIONS, EXAMPLE_VARIABLES, type ExampleOperation, withVariables } from './operations.ts';

/** aptly-api.http: the VS Code REST Client file. Later requests read ids and the token from earlier ones. */
export function restClientFile(baseUrl: string): string {
  const captured = EXAMPLE_OPERATIONS.flatMap((op) =>
    Object.entries(op.captures ?? {}).map(
      ([name, field]) => `@${name} = {{${op.id}.response.body.$.${field}}}`,
    ),
  );
  const header = [
    '# Aptly Intelligence API: open in VS Code with the REST Client extension and send requests in order.',
    `@baseUrl = ${baseUrl}`,
    ...Object.entries(EXAMPLE_VARIABLES).map(([name, value]) => `@${name} = ${value}`),
    ...captured,
  ];
  return `${[header.join('\n'), ...EXAMPLE_OPERATIONS.map(request)].join('\n\n')}\n`;
}

function request(op: ExampleOperation): string {
  const lines = [`### ${op.title}`, `# @name ${op.id}`, `${op.method} {{baseUrl}}${withVariables(op.path)}`];
  if (op.auth === 'api_key') lines.push('X-API-Key: {{apiKey}}');
  if (op.auth === 'bearer') lines.push('Authorization: Bearer {{token}}');
  if (op.body?.type === 'json') {
    lines.push('Content-Type: application/json', '', withVariables(JSON.stringify(op.body.value, null, 2)));
  } else if (op.body?.type === 'form') {
    const form = new URLSearchParams(op.body.value).toString();
    lines.push('Content-Type: application/x-www-form-urlencoded', '', form);
  }
  return lines.join('\n');
}
