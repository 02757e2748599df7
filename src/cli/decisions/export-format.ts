import type { Decision } from '../../domain/decision.ts';
import { csvCell } from '../csv-cell.ts';

export type ExportFormat = 'csv' | 'jsonl';

export const CSV_COLUMNS = [
  'id',
  'decided_at',
  'submitted_at',
  'job_id',
  'candidate_ref',
  'score',
  'verdict',
  'requirements_met',
  'requirements_partial',
  'requirements_missing',
  'requirements',
  'engine',
  'engine_version',
  'key_id',
  'org_id',
] as const;

function count(d: Decision, status: 'met' | 'partial' | 'missing'): number {
  return d.requirements.filter((r) => r.status === status).length;
}

export function csvHeader(): string {
  return `${CSV_COLUMNS.join(',')}\n`;
}

/** One decision per CSV row; the requirement outcomes are counted, and kept whole as a JSON cell. */
export function csvRow(d: Decision): string {
  const cells: Record<(typeof CSV_COLUMNS)[number], string | number | null> = {
    id: d.id,
    decided_at: d.decided_at,
    submitted_at: d.submitted_at,
    job_id: d.job_id,
    candidate_ref: d.candidate_ref,
    score: d.score,
    verdict: d.verdict,
    requirements_met: count(d, 'met'),
    requirements_partial: count(d, 'partial'),
    requirements_missing: count(d, 'missing'),
    requirements: JSON.stringify(d.requirements),
    engine: d.engine,
    engine_version: d.engine_version,
    key_id: d.key_id,
    org_id: d.org_id,
  };
  return `${CSV_COLUMNS.map((c) => csvCell(cells[c])).join(',')}\n`;
}

/** JSON Lines: one decision object per line, as GET /api/v1/decisions shows it. */
export function jsonlRow(d: Decision): string {
  return `${JSON.stringify(d)}\n`;
}
