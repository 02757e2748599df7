import { useState } from 'preact/hooks';
import type { Api } from '../api/client.ts';
import { Alert } from '../components/alert.tsx';
import { ConfirmDialog } from '../components/confirm-dialog.tsx';
import { CopyButton } from '../components/copy-button.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { messageOf } from '../components/use-load.ts';

const MASK = 'whsec_••••••••••••••••••••••••••••••••';

/** The organisation's Standard Webhooks signing secret: hidden until asked for; rotation is confirmed. */
export function WebhookSecretPage({ api }: { api: Api }) {
  const [secret, setSecret] = useState<string | undefined>();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ tone: 'success' | 'error'; text: string } | undefined>();

  const reveal = async () => {
    if (secret) return setSecret(undefined);
    try {
      setSecret((await api.webhookSecret()).webhook_secret);
    } catch (error) {
      setMessage({ tone: 'error', text: messageOf(error) });
    }
  };
  const rotate = async () => {
    setConfirming(false);
    try {
      setSecret((await api.rotateWebhookSecret()).webhook_secret);
      setMessage({
        tone: 'success',
        text: 'The secret is rotated. Update your receiver with the new one now.',
      });
    } catch (error) {
      setMessage({ tone: 'error', text: messageOf(error) });
    }
  };

  return (
    <>
      <PageHeading title="Webhook secret">Webhook signing secret</PageHeading>
      <p>
        Every webhook delivery is signed (Standard Webhooks: <code>webhook-id</code>,{' '}
        <code>webhook-timestamp</code>, <code>webhook-signature</code>) with this secret. Your receiver uses
        it to check that a delivery came from this server.
      </p>
      {message && <Alert tone={message.tone}>{message.text}</Alert>}
      <section class="panel" aria-labelledby="secret-title">
        <h2 id="secret-title">Current secret</h2>
        <label for="webhook-secret">Signing secret</label>
        <div class="row">
          <input
            id="webhook-secret"
            class="mono"
            readOnly
            value={secret ?? MASK}
            aria-describedby="secret-state"
          />
          <button type="button" class="secondary" aria-pressed={secret !== undefined} onClick={reveal}>
            {secret ? 'Hide' : 'Reveal'}
          </button>
          {secret && <CopyButton value={secret} label="Copy secret" />}
        </div>
        <p id="secret-state" class="muted">
          {secret ? 'Shown. Hide it when you are done.' : 'Hidden. Reveal it to read or copy it.'}
        </p>
        <button type="button" class="danger" onClick={() => setConfirming(true)}>
          Rotate secret…
        </button>
      </section>
      {confirming && (
        <ConfirmDialog
          title="Rotate the webhook signing secret?"
          confirmLabel="Rotate secret"
          onCancel={() => setConfirming(false)}
          onConfirm={() => void rotate()}
        >
          <p>
            The new secret signs every delivery from now on, retries of earlier jobs included, with no
            overlap. Deliveries fail your receiver’s check until it has the new secret.
          </p>
        </ConfirmDialog>
      )}
    </>
  );
}
