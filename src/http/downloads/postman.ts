import { EXAMPLE_OPERATIONS, EXAMPLE_VARIABLES, type ExampleOperation, withVariables } from './operations.ts';

const SCHEMA = 'https://schema.getpostman.com/json/collection/v2.1.0/collection.json';

/** aptly-api.postman_collection.json: a Postman Collection v2.1 whose requests share collection variables. */
export function postmanCollection(baseUrl: string): object {
  const variables: Record<string, string> = {
    baseUrl,
    ...EXAMPLE_VARIABLES,
    token: '',
    jobId: '',
    keyId: '',
  };
  return {
    info: { name: 'Aptly Intelligence API', schema: SCHEMA },
    variable: Object.entries(variables).map(([key, value]) => ({ key, value, type: 'string' })),
    item: EXAMPLE_OPERATIONS.map(item),
  };
}

function item(op: ExampleOperation): object {
  const path = withVariables(op.path);
  const header = [
    ...(op.auth === 'api_key' ? [{ key: 'X-API-Key', value: '{{apiKey}}' }] : []),
    ...(op.auth === 'bearer' ? [{ key: 'Authorization', value: 'Bearer {{token}}' }] : []),
    ...(op.body?.type === 'json' ? [{ key: 'Content-Type', value: 'application/json' }] : []),
  ];
  const request = {
    method: op.method,
    header,
    url: { raw: `{{baseUrl}}${path}`, host: ['{{baseUrl}}'], path: path.split('/').filter(Boolean) },
    ...(op.body ? { body: body(op.body) } : {}),
  };
  return {
    name: op.title,
    request,
    event: [{ listen: 'test', script: { type: 'text/javascript', exec: testScript(op) } }],
  };
}

/** Postman tests (newman runs them): status 200 and the operation's checks, then the captures. */
function testScript(op: ExampleOperation): string[] {
  const checks = Object.entries(op.checks ?? {}).map(([field, value]) => {
    const expected =
      typeof value === 'string'
        ? `pm.variables.replaceIn(${JSON.stringify(withVariables(value))})`
        : JSON.stringify(value);
    return `pm.test('${field} is ${String(value)}', () => pm.expect(pm.response.json().${field}).to.eql(${expected}));`;
  });
  const captures = Object.entries(op.captures ?? {}).map(
    ([name, field]) => `if (body.${field}) pm.collectionVariables.set('${name}', body.${field});`,
  );
  return [
    "pm.test('status is 200', () => pm.response.to.have.status(200));",
    ...checks,
    ...(captures.length > 0 ? ['const body = pm.response.json();', ...captures] : []),
  ];
}

function body(spec: NonNullable<ExampleOperation['body']>): object {
  if (spec.type === 'form')
    return {
      mode: 'urlencoded',
      urlencoded: Object.entries(spec.value).map(([key, value]) => ({ key, value })),
    };
  return {
    mode: 'raw',
    raw: withVariables(JSON.stringify(spec.value, null, 2)),
    options: { raw: { language: 'json' } },
  };
}
