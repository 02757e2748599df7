import { useState } from 'preact/hooks';
import type { Api } from '../api/client.ts';
import type { CreatedKey } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { createKeyError } from './keys-messages.ts';

interface CreateKeyFormProps {
  readonly api: Api;
  /** Creating is not possible now (loading, at the limit, API access off). */
  readonly blocked: boolean;
  /** Why, when the form itself should say so. */
  readonly reason: string | undefined;
  readonly onCreated: (key: CreatedKey) => void;
}

export function CreateKeyForm({ api, blocked, reason, onCreated }: CreateKeyFormProps) {
  const [name, setName] = useState('');
  const [error, setError] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);

  const submit = async (event: Event) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      onCreated(await api.createKey(name.trim()));
      setName('');
    } catch (caught) {
      setError(createKeyError(caught));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form class="panel" onSubmit={submit} aria-labelledby="create-key-title">
      <h2 id="create-key-title">Create a key</h2>
      {reason && <Alert tone="info">{reason}</Alert>}
      {error && <Alert tone="error">{error}</Alert>}
      <label for="key-name">Key name</label>
      <p id="key-name-hint" class="muted">
        A label to recognise it by, such as Production, Staging or Integration test (up to 100 characters).
      </p>
      <div class="row">
        <input
          id="key-name"
          required
          maxLength={100}
          aria-describedby="key-name-hint"
          value={name}
          disabled={blocked}
          onInput={(event) => setName(event.currentTarget.value)}
        />
        <button type="submit" disabled={busy || blocked}>
          {busy ? 'Creating…' : 'Create key'}
        </button>
      </div>
    </form>
  );
}
