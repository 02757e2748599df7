import { useState } from 'preact/hooks';

/** Copies a value to the clipboard and says so (in words, to screen readers too). */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [state, setState] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(value);
      setState('copied');
    } catch {
      setState('failed');
    }
  };
  return (
    <span class="copy">
      <button type="button" class="secondary" onClick={copy}>
        {label}
      </button>
      <span role="status" class="copy-status">
        {state === 'copied' ? 'Copied to the clipboard.' : ''}
        {state === 'failed' ? 'Copy failed: select the text and copy it by hand.' : ''}
      </span>
    </span>
  );
}
