import type { Cell, CellFormat, EvalReport } from './report-types.ts';

/** Renders the report as an aligned plain-text table: metrics as rows, engines as columns. */
export function renderReport(report: EvalReport): string {
  const lines: string[] = [];
  const { dataset } = report;
  lines.push(`Dataset: ${dataset.name} (adapter: ${dataset.adapter})`);
  lines.push(`Path:    ${dataset.path}`);
  lines.push(`As of:   ${report.asOf} (from ${report.asOfSource})`);
  lines.push(
    `Counts:  ${Object.entries(report.counts)
      .map(([k, v]) => `${k.replaceAll('_', ' ')} ${v}`)
      .join(', ')}`,
  );
  for (const [key, value] of Object.entries(report.context))
    lines.push(`Context: ${key}: ${formatCell(value, 'ratio')}`);
  lines.push('');

  const labelWidth = Math.max(
    10,
    ...report.sections.flatMap((s) => [s.title.length, ...s.rows.map((r) => r.label.length + 2)]),
  );
  const columnWidths = report.engines.map((engine) =>
    Math.max(
      engine.length,
      ...report.sections.flatMap((s) =>
        s.rows.map((r) => formatCell(r.values[engine] ?? null, r.format).length),
      ),
    ),
  );
  const headerLine = [
    'metric'.padEnd(labelWidth),
    ...report.engines.map((e, i) => e.padStart(columnWidths[i] ?? e.length)),
  ].join('  ');
  lines.push(headerLine, '-'.repeat(headerLine.length));
  for (const section of report.sections) {
    lines.push(section.title);
    for (const row of section.rows) {
      const cells = report.engines.map((engine, i) =>
        formatCell(row.values[engine] ?? null, row.format).padStart(columnWidths[i] ?? 0),
      );
      lines.push([`  ${row.label}`.padEnd(labelWidth), ...cells].join('  '));
    }
  }
  if (report.notes.length > 0) {
    lines.push('', 'Notes:');
    for (const note of report.notes) lines.push(`- ${note}`);
  }
  return `${lines.join('\n')}\n`;
}

export function formatCell(value: Cell, format: CellFormat): string {
  if (value === null) return 'n/a';
  if (typeof value === 'string') return value;
  if (!Number.isFinite(value)) return 'n/a';
  switch (format) {
    case 'ratio':
      return value.toFixed(3);
    case 'score':
      return Number.isInteger(value) ? String(value) : value.toFixed(1);
    case 'count':
      return String(Math.round(value));
    case 'seconds':
      return value.toFixed(2);
    case 'ms':
      return value.toFixed(1);
    case 'text':
      return String(value);
  }
}

/** JSON output: the report object itself (numbers at full precision; non-finite numbers become null). */
export function reportToJson(report: EvalReport): string {
  return `${JSON.stringify(report, (_key, value) => (typeof value === 'number' && !Number.isFinite(value) ? null : value), 2)}\n`;
}
