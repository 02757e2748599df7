import { useEffect, useRef } from 'preact/hooks';
import type { CreatedKey } from '../api/types.ts';
import { CopyButton } from '../components/copy-button.tsx';

/** The new key, shown this once, with the reference's warning; focus lands here so it is not missed. */
export function CreatedKeyPanel({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const panel = useRef<HTMLElement>(null);
  useEffect(() => panel.current?.focus(), []);
  return (
    <section class="panel created-key" ref={panel} tabIndex={-1} aria-labelledby="created-key-title">
      <h2 id="created-key-title">Your new key “{created.name}”</h2>
      <p class="alert alert-warning">
        <strong>Important: </strong>
        {created.warning}
      </p>
      <label for="created-key-value">Full API key</label>
      <div class="row">
        <input
          id="created-key-value"
          class="mono"
          readOnly
          value={created.key}
          onFocus={(e) => e.currentTarget.select()}
        />
        <CopyButton value={created.key} label="Copy key" />
      </div>
      <p class="muted">Send it in the X-API-Key header. Only its prefix, {created.key_prefix}, is kept.</p>
      <button type="button" onClick={onDone}>
        I have stored the key
      </button>
    </section>
  );
}
