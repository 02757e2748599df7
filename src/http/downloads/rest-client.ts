import { EXAMPLE_OPERATIONS, EXAMPLE_VARIABLES, type ExampleOperation, withVariables } from './operations.ts';

/**
 * The two tools read the same requests but chain responses differently (httpyac: `{{screen.job_id}}`;
 * REST Client: `{{screen.response.body.$.job_id}}`, which httpyac cannot read), and only httpyac has
 * assertions (`??` lines, which REST Client would send as part of the body). So each gets its own file.
 */
export type HttpFileDialect = 'httpyac' | 'rest-client';

const INTRODUCTION: Record<HttpFileDialect, string[]> = {
  httpyac: [
    '# Aptly Intelligence API, every endpoint in order, for httpyac. Set apiKey and password below, then send',
    '# the requests one by one in VS Code (httpYac extension), or all at once: npx httpyac send aptly-api.http --all',
    '# Each `??` line asserts the response. For the REST Client extension: /downloads/aptly-api.http (the default)',
  ],
  'rest-client': [
    '# Aptly Intelligence API, every endpoint in order, for the VS Code REST Client extension. Set apiKey and',
    '# password below, then send the requests in order: later ones read the job id, the JWT and the new key id',
    '# from earlier responses. With httpyac assertions instead: /downloads/aptly-api.http?client=httpyac',
  ],
};

/** aptly-api.http: every example request, chained, for httpyac (with assertions) or REST Client. */
export function restClientFile(baseUrl: string, dialect: HttpFileDialect = 'rest-client'): string {
  const header = [
    ...INTRODUCTION[dialect],
    `@baseUrl = ${baseUrl}`,
    ...Object.entries(EXAMPLE_VARIABLES).map(([name, value]) => `@${name} = ${value}`),
    // REST Client resolves these lazily, when a request uses them, so they can be declared up front.
    ...(dialect === 'rest-client'
      ? [...CAPTURED['rest-client']].map(([name, source]) => `@${name} = ${source}`)
      : []),
  ];
  const requests = EXAMPLE_OPERATIONS.map((op) =>
    dialect === 'httpyac' ? httpyacRequest(op) : [heading(op), message(op)].join('\n'),
  );
  return `${[header.join('\n'), ...requests].join('\n\n')}\n`;
}

/** Where each captured variable comes from: a field of a named request's JSON response. */
function captured(dialect: HttpFileDialect): Map<string, string> {
  return new Map(
    EXAMPLE_OPERATIONS.flatMap((op) =>
      Object.entries(op.captures ?? {}).map(([name, field]) => {
        const source = dialect === 'httpyac' ? `${op.id}.${field}` : `${op.id}.response.body.$.${field}`;
        return [name, `{{${source}}}`] as const;
      }),
    ),
  );
}

/** Built once: the example list is fixed. */
const CAPTURED: Record<HttpFileDialect, Map<string, string>> = {
  httpyac: captured('httpyac'),
  'rest-client': captured('rest-client'),
};

function heading(op: ExampleOperation): string {
  return `### ${op.title}\n# @name ${op.id}`;
}

function httpyacRequest(op: ExampleOperation): string {
  const text = message(op);
  // Set in the request's own region: httpyac evaluates them when this request is sent, after the earlier ones.
  const variables = [...CAPTURED.httpyac]
    .filter(([name]) => text.includes(`{{${name}}}`))
    .map(([name, source]) => `@${name} = ${source}`);
  const asserts = Object.entries(op.checks ?? {}).map(
    ([field, value]) => `?? body ${field} == ${withVariables(String(value))}`,
  );
  return [heading(op), ...variables, text, '', '?? status == 200', ...asserts].join('\n');
}

/** The request line, headers and body: the same text for both tools. */
function message(op: ExampleOperation): string {
  const lines = [`${op.method} {{baseUrl}}${withVariables(op.path)}`];
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
