import { formatCount } from '../format.ts';

interface UsageBarProps {
  readonly id: string;
  readonly label: string;
  readonly used: number;
  readonly committed: number;
  readonly hardCap: number;
}

/**
 * This month's CVs against the plan: a native meter for assistive technology, a drawn bar with the
 * committed level as a marked line, and the figures in words, so nothing depends on colour.
 */
export function UsageBar({ id, label, used, committed, hardCap }: UsageBarProps) {
  const cap = Math.max(1, hardCap);
  const percent = (value: number) => `${Math.min(100, (value / cap) * 100).toFixed(1)}%`;
  const state =
    used >= hardCap ? 'at the hard cap' : used > committed ? 'over the committed volume' : 'within plan';
  const summary = `${formatCount(used)} of ${formatCount(hardCap)} CVs (hard cap); committed ${formatCount(committed)}; ${state}`;
  return (
    <div class="usage">
      <p id={`${id}-label`} class="usage-label">
        {label}
      </p>
      <meter
        class="visually-hidden"
        aria-labelledby={`${id}-label`}
        min={0}
        max={cap}
        low={committed}
        high={committed}
        optimum={0}
        value={Math.min(used, cap)}
      >
        {summary}
      </meter>
      {/* The drawn bar repeats the meter for sighted users; assistive technology reads the meter. */}
      <div class={`usage-bar ${used > committed ? 'usage-over' : ''}`} aria-hidden="true">
        <div class="usage-fill" style={{ width: percent(used) }} />
        <div class="usage-committed" style={{ left: percent(committed) }} />
      </div>
      <p class="usage-figures">
        <strong>{formatCount(used)}</strong> used · committed {formatCount(committed)} · hard cap{' '}
        {formatCount(hardCap)} · <em>{state}</em>
      </p>
      <p class="muted usage-legend">
        The bar’s full width is the hard cap; the dark line marks the committed volume.
      </p>
    </div>
  );
}
