import { useState } from 'preact/hooks';
import type { Api } from '../api/client.ts';
import type { CreatedKey, KeyListingItem } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { messageOf, useLoad } from '../components/use-load.ts';
import { CreateKeyForm } from './create-key-form.tsx';
import { CreatedKeyPanel } from './created-key-panel.tsx';
import { API_ACCESS_OFF, KEY_LIMIT_REACHED, MAX_ACTIVE_KEYS } from './keys-messages.ts';
import { KeysTable } from './keys-table.tsx';

/** Profile → API Keys: list, create (shown once), revoke (confirmed). */
export function KeysPage({ api }: { api: Api }) {
  const [listing, reload] = useLoad(api.listKeys);
  const [created, setCreated] = useState<CreatedKey | undefined>();
  const [revoking, setRevoking] = useState<KeyListingItem | undefined>();
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();

  const revoke = async (key: KeyListingItem) => {
    setRevoking(undefined);
    try {
      await api.revokeKey(key.id);
      setMessage({ tone: 'success', text: `Key “${key.name}” is revoked: requests using it are refused.` });
    } catch (error) {
      setMessage({ tone: 'error', text: messageOf(error) });
    }
    await reload();
  };

  const active = listing.state === 'ready' ? listing.value.keys.filter((k) => !k.revoked).length : 0;
  const accessOff = listing.state === 'ready' && !listing.value.api_access_enabled;
  const atLimit = active >= MAX_ACTIVE_KEYS;
  // API access off is explained once, at the top of the page; the limit, where a key would be created.
  const reason = atLimit && !accessOff ? KEY_LIMIT_REACHED : undefined;

  return (
    <>
      <PageHeading title="API keys">API keys</PageHeading>
      <p>
        Integrations authenticate with an API key in the <code>X-API-Key</code> header. Your organisation can
        have up to {MAX_ACTIVE_KEYS} active keys
        {listing.state === 'ready' ? `; it has ${active}.` : '.'} The full key is shown once, when it is
        created.
      </p>
      {accessOff && <Alert tone="warning">{API_ACCESS_OFF}</Alert>}
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      {created ? (
        <CreatedKeyPanel created={created} onDone={() => setCreated(undefined)} />
      ) : (
        <CreateKeyForm
          api={api}
          blocked={listing.state !== 'ready' || accessOff || atLimit}
          reason={reason}
          onCreated={(key) => {
            setMessage(undefined);
            setCreated(key);
            void reload();
          }}
        />
      )}
      <section aria-labelledby="keys-title">
        <h2 id="keys-title">Your keys</h2>
        {listing.state === 'loading' && <p>Loading keys…</p>}
        {listing.state === 'error' && <Alert tone="error">{listing.message}</Alert>}
        {listing.state === 'ready' && <KeysTable keys={listing.value.keys} onRevoke={setRevoking} />}
      </section>
      {revoking && (
        <ConfirmDialog
          title={`Revoke the key “${revoking.name}”?`}
          confirmLabel="Revoke key"
          onCancel={() => setRevoking(undefined)}
          onConfirm={() => void revoke(revoking)}
        >
          <p>
            Requests with the key <span class="mono">{revoking.key_prefix}…</span> are refused (401) from the
            next one on. This cannot be undone: integrations that use it will need a new key.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
