/** One cell of the results table: a number, a short text (e.g. how verdicts were derived), or n/a. */
export type Cell = number | string | null;

/** How a number is printed in the table; JSON output keeps full precision. */
export type CellFormat = 'ratio' | 'score' | 'count' | 'seconds' | 'ms' | 'text';

export interface MetricRow {
  id: string;
  label: string;
  format: CellFormat;
  /** Engine name → value. */
  values: Record<string, Cell>;
}

export interface ReportSection {
  title: string;
  rows: MetricRow[];
}

export interface EvalReport {
  dataset: { name: string; adapter: string; kind: string; path: string };
  asOf: string;
  asOfSource: 'option' | 'meta.json' | 'today';
  engines: string[];
  counts: Record<string, number>;
  /** Engine-independent figures worth seeing next to the results (e.g. inter-annotator agreement). */
  context: Record<string, Cell>;
  sections: ReportSection[];
  notes: string[];
}
