import type { KeyListingItem } from '../api/types.ts';
import { formatCount, formatDateTime } from '../format.ts';

interface KeysTableProps {
  readonly keys: readonly KeyListingItem[];
  readonly onRevoke: (key: KeyListingItem) => void;
}

export function KeysTable({ keys, onRevoke }: KeysTableProps) {
  if (keys.length === 0) return <p>No keys yet: create one above.</p>;
  return (
    <div class="table-wrap">
      <table>
        <caption>Every key of your organisation, revoked ones included</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Prefix</th>
            <th scope="col">Created</th>
            <th scope="col">Last used</th>
            <th scope="col">CVs this month</th>
            <th scope="col">Status</th>
            <th scope="col">
              <span class="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key.id} class={key.revoked ? 'revoked' : undefined}>
              <th scope="row">{key.name}</th>
              <td class="mono">{key.key_prefix}…</td>
              <td>{formatDateTime(key.created_at)}</td>
              <td>{formatDateTime(key.last_used_at)}</td>
              <td class="number">{formatCount(key.monthly_cv_count)}</td>
              <td>
                <span class={`status ${key.revoked ? 'status-revoked' : 'status-active'}`}>
                  {key.revoked ? 'Revoked' : 'Active'}
                </span>
              </td>
              <td>
                {!key.revoked && (
                  <button
                    type="button"
                    class="danger small"
                    aria-label={`Revoke key ${key.name}`}
                    onClick={() => onRevoke(key)}
                  >
                    Revoke
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
