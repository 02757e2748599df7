import { describe, expect, it } from 'vitest';
import { checkWebhookUrl } from '../../src/webhooks/ssrf-guard.ts';

const PUBLIC_V4 = '93.184.216.34';
const PUBLIC_V6 = '2606:2800:220:1:248:1893:25c8:1946';

/** A resolver for tests: a fixed table, and a record of every name asked. */
function fakeDns(table: Record<string, string[]>) {
  const asked: string[] = [];
  const resolve = async (host: string) => {
    asked.push(host);
    const addresses = table[host];
    if (!addresses) throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
    return addresses;
  };
  return { resolve, asked };
}

const dns = fakeDns({
  'hooks.example.com': [PUBLIC_V4, PUBLIC_V6],
  localhost: ['127.0.0.1', '::1'],
  'internal.example.com': ['10.0.0.7'],
  'metadata.example.com': ['169.254.169.254'],
  'half.example.com': [PUBLIC_V4, '192.168.0.2'],
  'v6-local.example.com': ['fd00::1'],
  'mapped.example.com': ['::ffff:127.0.0.1'],
  'empty.example.com': [],
});
const strict = { allowPrivate: false, resolve: dns.resolve };

const HTTPS_ONLY = 'webhook_url must be an absolute https URL';

describe('checkWebhookUrl', () => {
  it('accepts an https URL whose host resolves only to public addresses', async () => {
    expect(await checkWebhookUrl('https://hooks.example.com/aptly?token=abc', strict)).toBeUndefined();
    expect(dns.asked).toContain('hooks.example.com');
  });

  it.each(['https://93.184.216.34/hook', 'https://[2606:4700::1111]:8443/hook', 'https://1.1.1.1'])(
    'accepts the public literal %s without resolving it',
    async (url) => {
      const own = fakeDns({});
      expect(await checkWebhookUrl(url, { allowPrivate: false, resolve: own.resolve })).toBeUndefined();
      expect(own.asked).toEqual([]);
    },
  );

  it.each([
    'http://hooks.example.com/hook',
    'ftp://hooks.example.com/hook',
    'javascript:alert(1)',
    'file:///etc/passwd',
    '/relative/path',
    'hooks.example.com/hook',
    'not a url',
    '',
  ])('refuses %j: not an absolute https URL', async (url) => {
    expect(await checkWebhookUrl(url, strict)).toBe(HTTPS_ONLY);
  });

  it('refuses credentials in the URL', async () => {
    expect(await checkWebhookUrl('https://user:pass@hooks.example.com/', strict)).toBe(
      'webhook_url must not contain credentials',
    );
    expect(await checkWebhookUrl('https://user@hooks.example.com/', strict)).toBe(
      'webhook_url must not contain credentials',
    );
  });

  it('refuses an over-long URL', async () => {
    const url = `https://hooks.example.com/${'a'.repeat(2100)}`;
    expect(await checkWebhookUrl(url, strict)).toBe('webhook_url must be at most 2048 characters');
  });

  it.each([
    ['https://127.0.0.1/hook', '127.0.0.1'],
    ['https://10.1.2.3/hook', '10.1.2.3'],
    ['https://172.20.0.1/hook', '172.20.0.1'],
    ['https://192.168.0.1/hook', '192.168.0.1'],
    ['https://100.64.1.1/hook', '100.64.1.1'],
    ['https://169.254.169.254/latest/meta-data/', '169.254.169.254'],
    ['https://0.0.0.0/hook', '0.0.0.0'],
    ['https://255.255.255.255/hook', '255.255.255.255'],
    ['https://224.0.0.1/hook', '224.0.0.1'],
    ['https://240.0.0.1/hook', '240.0.0.1'],
    ['https://[::1]/hook', '[::1]'],
    ['https://[::]/hook', '[::]'],
    ['https://[fe80::1]/hook', '[fe80::1]'],
    ['https://[fc00::1]/hook', '[fc00::1]'],
    ['https://[fd00:ec2::254]/latest/meta-data/', '[fd00:ec2::254]'],
    ['https://[ff02::1]/hook', '[ff02::1]'],
    ['https://[::ffff:127.0.0.1]/hook', '[::ffff:7f00:1]'],
    ['https://[::ffff:a9fe:a9fe]/hook', '[::ffff:a9fe:a9fe]'],
    ['https://[::127.0.0.1]/hook', '[::7f00:1]'],
    ['https://[64:ff9b::a00:1]/hook', '[64:ff9b::a00:1]'],
    // Other notations of 127.0.0.1: the URL parser normalises them, and the guard sees the address.
    ['https://2130706433/hook', '127.0.0.1'],
    ['https://0x7f000001/hook', '127.0.0.1'],
    ['https://0177.0.0.1/hook', '127.0.0.1'],
    ['https://0x7f.0.0.1/hook', '127.0.0.1'],
    ['https://127.1/hook', '127.0.0.1'],
    ['https://017700000001/hook', '127.0.0.1'],
  ])('refuses the literal address in %s', async (url, host) => {
    expect(await checkWebhookUrl(url, strict)).toBe(
      `webhook_url must be publicly reachable: ${host} is a private or reserved address`,
    );
  });

  it.each([
    'localhost',
    'internal.example.com',
    'metadata.example.com',
    'half.example.com',
    'v6-local.example.com',
    'mapped.example.com',
  ])('refuses %s: it resolves to a private or reserved address', async (host) => {
    expect(await checkWebhookUrl(`https://${host}/hook`, strict)).toBe(
      `webhook_url must be publicly reachable: ${host} resolves to a private or reserved address`,
    );
  });

  it('accepts a host that does not resolve, or resolves to nothing: delivery checks the address it reaches', async () => {
    for (const host of ['nowhere.example.com', 'empty.example.com'])
      expect(await checkWebhookUrl(`https://${host}/hook`, strict)).toBeUndefined();
  });

  describe('with allowPrivate (APTLY_WEBHOOK_ALLOW_PRIVATE=1, development and tests only)', () => {
    const lenient = { allowPrivate: true, resolve: dns.resolve };

    it('accepts http and private addresses without resolving anything', async () => {
      const own = fakeDns({});
      for (const url of ['http://127.0.0.1:8080/hook', 'https://localhost/hook', 'http://10.0.0.7/x'])
        expect(await checkWebhookUrl(url, { allowPrivate: true, resolve: own.resolve })).toBeUndefined();
      expect(own.asked).toEqual([]);
    });

    it('still refuses other schemes and credentials', async () => {
      expect(await checkWebhookUrl('ftp://127.0.0.1/x', lenient)).toBe(
        'webhook_url must be an absolute http or https URL',
      );
      expect(await checkWebhookUrl('http://a:b@127.0.0.1/x', lenient)).toBe(
        'webhook_url must not contain credentials',
      );
    });
  });
});
