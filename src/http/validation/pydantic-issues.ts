import type { z } from 'zod';
import type { ValidationIssue } from '../../domain/errors.ts';

/** Where a value came from, named as FastAPI/pydantic name it in `loc`. */
export type RequestPart = 'body' | 'path' | 'query' | 'header';

/** pydantic v1 wording for a wrong type, by what zod expected. */
const TYPE_ERRORS: Readonly<Record<string, { msg: string; type: string }>> = {
  string: { msg: 'str type expected', type: 'type_error.str' },
  array: { msg: 'value is not a valid list', type: 'type_error.list' },
  object: { msg: 'value is not a valid dict', type: 'type_error.dict' },
  number: { msg: 'value is not a valid integer', type: 'type_error.integer' },
  int: { msg: 'value is not a valid integer', type: 'type_error.integer' },
  boolean: { msg: 'value could not be parsed to a boolean', type: 'type_error.bool' },
};

/**
 * Messages a schema can name by their pydantic type (`z.string().regex(re, 'type_error.integer')`), for
 * checks zod has no issue code for.
 */
const NAMED_ERRORS: Readonly<Record<string, string>> = {
  'type_error.integer': 'value is not a valid integer',
  'type_error.str': 'str type expected',
};

/**
 * zod's issues as pydantic-v1 entries of a 422 body (DESIGN.md §1): one per failing field, the first
 * problem found with it, as pydantic reports.
 */
export function toPydanticIssues(issues: readonly z.core.$ZodIssue[], part: RequestPart): ValidationIssue[] {
  const seen = new Set<string>();
  const entries: ValidationIssue[] = [];
  for (const issue of issues) {
    const loc = [part, ...issue.path.map((key) => (typeof key === 'symbol' ? String(key) : key))];
    const field = JSON.stringify(loc);
    if (seen.has(field)) continue;
    seen.add(field);
    entries.push({ loc, ...describe(issue) });
  }
  return entries;
}

function describe(issue: z.core.$ZodIssue): { msg: string; type: string } {
  switch (issue.code) {
    case 'invalid_type':
      if (issue.input === undefined) return { msg: 'field required', type: 'value_error.missing' };
      if (issue.input === null)
        return { msg: 'none is not an allowed value', type: 'type_error.none.not_allowed' };
      return TYPE_ERRORS[issue.expected] ?? { msg: issue.message, type: `type_error.${issue.expected}` };
    case 'too_small':
      return issue.origin === 'string'
        ? {
            msg: `ensure this value has at least ${issue.minimum} characters`,
            type: 'value_error.any_str.min_length',
          }
        : {
            msg: `ensure this value is greater than or equal to ${issue.minimum}`,
            type: 'value_error.number.not_ge',
          };
    case 'too_big':
      return issue.origin === 'string'
        ? {
            msg: `ensure this value has at most ${issue.maximum} characters`,
            type: 'value_error.any_str.max_length',
          }
        : {
            msg: `ensure this value is less than or equal to ${issue.maximum}`,
            type: 'value_error.number.not_le',
          };
    default: {
      const named = NAMED_ERRORS[issue.message];
      return named ? { msg: named, type: issue.message } : { msg: issue.message, type: 'value_error' };
    }
  }
}
