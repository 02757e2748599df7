import {
  contractViolation,
  failRunningTest,
  type OpenApiDocument,
  pathTemplateOf,
} from './openapi-contract.ts';

/**
 * A fetch for clients under test against a live server: every answer from that server is checked against
 * the response schema the server's own /openapi.json documents (openapi-contract.ts), and a mismatch fails
 * the running test. The caller gets the response untouched.
 */
export function contractCheckedFetch(baseUrl: string, report = failRunningTest): typeof fetch {
  let document: Promise<OpenApiDocument> | undefined;
  return async (input, init) => {
    const response = await fetch(input, init);
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (!url.href.startsWith(baseUrl)) return response;
    document ??= fetch(`${baseUrl}/openapi.json`).then((r) => r.json() as Promise<OpenApiDocument>);
    const openapi = await document;
    const path = pathTemplateOf(openapi, url.pathname);
    if (path === undefined) return response;
    const method = init?.method ?? (input instanceof Request ? input.method : 'GET');
    const body = await response.clone().text();
    const problem = contractViolation(openapi, { method, path, status: response.status, body });
    if (problem !== undefined) report(problem);
    return response;
  };
}
