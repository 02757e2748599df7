import type { Api } from '../api/client.ts';
import type { KeyListing } from '../api/types.ts';
import { Alert } from '../components/alert.tsx';
import { PageHeading } from '../components/page-heading.tsx';
import { UsageBar } from '../components/usage-bar.tsx';
import { useLoad } from '../components/use-load.ts';
import { formatCount } from '../format.ts';

/** CVs screened from the dashboard belong to no key: the organisation's total less the keys' counts. */
function workspaceCount(listing: KeyListing): number {
  const byKeys = listing.keys.reduce((sum, key) => sum + key.monthly_cv_count, 0);
  return Math.max(0, listing.org_api_cvs_this_month - byKeys);
}

export function UsagePage({ api }: { api: Api }) {
  const [listing] = useLoad(api.listKeys);
  return (
    <>
      <PageHeading title="Usage">Usage this month</PageHeading>
      {listing.state === 'loading' && <p>Loading usage…</p>}
      {listing.state === 'error' && <Alert tone="error">{listing.message}</Alert>}
      {listing.state === 'ready' && <UsageDetails listing={listing.value} />}
    </>
  );
}

function UsageDetails({ listing }: { listing: KeyListing }) {
  const month = listing.keys[0]?.billing_month ?? new Date().toISOString().slice(0, 7);
  const total = Math.max(1, listing.org_api_cvs_this_month);
  const rows = [
    ...listing.keys.map((key) => ({
      id: String(key.id),
      name: key.name,
      detail: `${key.key_prefix}…${key.revoked ? ' (revoked)' : ''}`,
      count: key.monthly_cv_count,
    })),
    {
      id: 'workspace',
      name: 'Screening workspace',
      detail: 'Dashboard, no key',
      count: workspaceCount(listing),
    },
  ];
  return (
    <>
      <p>
        Billing month {month} (UTC). A submission is refused, and nothing charged, when it would take the
        organisation past its hard cap.
      </p>
      <UsageBar
        id="org-usage"
        label="Organisation: CVs screened this month"
        used={listing.org_api_cvs_this_month}
        committed={listing.committed_scans}
        hardCap={listing.hard_cap_scans}
      />
      <div class="table-wrap">
        <table>
          <caption>CVs this month by key</caption>
          <thead>
            <tr>
              <th scope="col">Key</th>
              <th scope="col">Prefix</th>
              <th scope="col">CVs</th>
              <th scope="col">Share of the month</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id}>
                <th scope="row">{row.name}</th>
                <td class="mono">{row.detail}</td>
                <td class="number">{formatCount(row.count)}</td>
                <td>
                  <span class="share">
                    <span
                      class="share-fill"
                      style={{ width: `${((row.count / total) * 100).toFixed(1)}%` }}
                    />
                  </span>{' '}
                  {((row.count / total) * 100).toFixed(0)}%
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
