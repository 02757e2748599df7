import { describe, expect, it } from 'vitest';
import { canonicalJson, requestHash } from '../../src/http/canonical-json.ts';

describe('canonical JSON of a request body', () => {
  it('sorts keys at every level and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe(
      '{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}',
    );
  });

  it('hashes equal bodies alike whatever their key order, and different bodies differently', () => {
    const one = { job_spec: 'x', candidates: [{ candidate_ref: 'a', cv_text: 'b' }] };
    const same = { candidates: [{ cv_text: 'b', candidate_ref: 'a' }], job_spec: 'x' };
    const swapped = { job_spec: 'x', candidates: [{ candidate_ref: 'b', cv_text: 'a' }] };
    expect(requestHash(one)).toBe(requestHash(same));
    expect(requestHash(one)).not.toBe(requestHash(swapped));
    expect(requestHash(one)).toMatch(/^[0-9a-f]{64}$/);
  });
});
