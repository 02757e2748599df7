import type { ComponentChildren } from 'preact';

type Tone = 'error' | 'info' | 'success' | 'warning';

const LABELS: Readonly<Record<Tone, string>> = {
  error: 'Error',
  info: 'Note',
  success: 'Done',
  warning: 'Important',
};

/**
 * A message box. Errors are announced at once (role=alert), the rest politely; the tone is also written
 * out, so colour is never the only signal.
 */
export function Alert({ tone, children }: { tone: Tone; children: ComponentChildren }) {
  return (
    <div class={`alert alert-${tone}`} role={tone === 'error' ? 'alert' : 'status'}>
      <strong>{LABELS[tone]}: </strong>
      {children}
    </div>
  );
}
