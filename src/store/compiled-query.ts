import type { Compilable, CompiledQuery, Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** Stands for a parameter while the query is compiled; no real value starts with a NUL. */
const markerFor = (name: string) => `\u0000aptly-param:${name}`;

type Param<P> = <K extends keyof P & string>(name: K) => P[K];

interface Compiled<Row> {
  readonly query: CompiledQuery<Row>;
  /** For each compiled parameter, the caller's parameter it stands for, or undefined for a constant. */
  readonly slots: readonly (string | undefined)[];
}

/**
 * A query built and compiled once per database handle, then run with new parameter values. Building and
 * compiling a Kysely query costs more CPU than running a small one (a profile of GET /api/v1/jobs/{id}
 * spent over a tenth of its time there), so the queries every request runs skip it. The SQL text stays
 * the builder's: this changes when it is compiled, not what is sent. Usage:
 * `compiledQuery<{ id: string }>()((db, param) => db.selectFrom('jobs').where('id', '=', param('id')))`.
 */
export function compiledQuery<P extends Record<string, unknown>>() {
  return <Row>(build: (db: Kysely<Database>, param: Param<P>) => Compilable<Row>) => compileLazily(build);
}

function compileLazily<P extends Record<string, unknown>, Row>(
  build: (db: Kysely<Database>, param: Param<P>) => Compilable<Row>,
): (db: Kysely<Database>, params: P) => Promise<Row[]> {
  const cache = new WeakMap<Kysely<Database>, Compiled<Row>>();
  const compile = (db: Kysely<Database>): Compiled<Row> => {
    const names = new Map<unknown, string>();
    const param: Param<P> = (name) => {
      names.set(markerFor(name), name);
      return markerFor(name) as P[typeof name];
    };
    const query = build(db, param).compile();
    const slots = query.parameters.map((value) => names.get(value));
    for (const name of names.values())
      if (!slots.includes(name)) throw new Error(`compiledQuery: parameter "${name}" was not bound`);
    return { query, slots };
  };
  return async (db, params) => {
    let compiled = cache.get(db);
    if (!compiled) {
      compiled = compile(db);
      cache.set(db, compiled);
    }
    const { query, slots } = compiled;
    const parameters = slots.map((name, i) => (name === undefined ? query.parameters[i] : params[name]));
    const result = await db.executeQuery<Row>({ ...query, parameters });
    return result.rows;
  };
}
