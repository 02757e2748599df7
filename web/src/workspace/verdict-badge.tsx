import type { Verdict } from '../api/types.ts';

/** Each verdict has its own text, icon and colour: any one of them alone tells it apart. */
const STYLES: Readonly<Record<Verdict, { readonly icon: string; readonly className: string }>> = {
  'Strong shortlist': { icon: '✔', className: 'verdict-strong' },
  Borderline: { icon: '◐', className: 'verdict-borderline' },
  'Do not progress': { icon: '✖', className: 'verdict-no' },
};

export function VerdictBadge({ verdict }: { verdict: Verdict }) {
  const style = STYLES[verdict];
  return (
    <span class={`verdict ${style.className}`}>
      <span aria-hidden="true">{style.icon}</span> {verdict}
    </span>
  );
}
