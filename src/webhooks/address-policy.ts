import { createRequire } from 'node:module';
import type { IPv4, IPv6 } from 'ipaddr.js';

// ipaddr.js is CommonJS with `export =`, which Node's ESM loader exposes only as a default export.
const ipaddr = createRequire(import.meta.url)('ipaddr.js') as typeof import('ipaddr.js');

/**
 * Which IP addresses a webhook may be delivered to: only public unicast ones. Everything a request could
 * use to reach the service's own network is refused — loopback, RFC 1918, CGNAT, link-local, unique-local,
 * multicast, unspecified, broadcast, reserved and documentation ranges, cloud metadata endpoints — and so
 * are IPv6 forms that embed an IPv4 address (mapped, compatible, NAT64, 6to4) when the embedded address
 * is refused.
 */

/** Metadata services answer on these; most fall in refused ranges anyway, but named so logs say why. */
const CLOUD_METADATA = new Set(['169.254.169.254', 'fd00:ec2::254', '100.100.100.200', '192.0.0.192']);

/** Literal hosts in any notation ipaddr.js understands (dotted, decimal, hex, octal IPv4; IPv6). */
export function isIpLiteral(host: string): boolean {
  return ipaddr.isValid(stripBrackets(host));
}

/** Undefined when the address is public; otherwise the name of the range that refuses it. */
export function refusedRange(address: string): string | undefined {
  const text = stripBrackets(address);
  if (!ipaddr.isValid(text)) return 'not an IP address';
  const parsed = ipaddr.parse(text);
  return parsed.kind() === 'ipv4' ? refusedIpv4(parsed as IPv4) : refusedIpv6(parsed as IPv6);
}

export function isPublicAddress(address: string): boolean {
  return refusedRange(address) === undefined;
}

function refusedIpv4(address: IPv4): string | undefined {
  if (CLOUD_METADATA.has(address.toString())) return 'cloud metadata';
  const range = address.range();
  return range === 'unicast' ? undefined : range;
}

function refusedIpv6(address: IPv6): string | undefined {
  if (CLOUD_METADATA.has(address.toString())) return 'cloud metadata';
  const embedded = embeddedIpv4(address);
  if (embedded) {
    const refused = refusedIpv4(embedded);
    return refused ? `${refused} (embedded in IPv6)` : undefined;
  }
  // Only global unicast is public; teredo, documentation, ORCHID and the like are refused by name.
  const range = address.range();
  return range === 'unicast' ? undefined : range;
}

/**
 * The IPv4 address an IPv6 form stands for, if it stands for one: ::ffff:a.b.c.d (mapped), ::a.b.c.d
 * (the deprecated "compatible" form, which ipaddr.js would call unicast), ::ffff:0:a.b.c.d (RFC 6145),
 * 64:ff9b::a.b.c.d (NAT64) and 2002:AABB:CCDD:: (6to4).
 */
function embeddedIpv4(address: IPv6): IPv4 | undefined {
  const part = (i: number) => address.parts[i] ?? 0;
  const ipv4 = (high: number, low: number) => new ipaddr.IPv4([high >> 8, high & 0xff, low >> 8, low & 0xff]);
  const range = address.range();
  if (range === 'ipv4Mapped' || range === 'rfc6145' || range === 'rfc6052') return ipv4(part(6), part(7));
  if (range === '6to4') return ipv4(part(1), part(2));
  // :: and ::1 keep their own ranges (unspecified, loopback); any other ::/96 address is IPv4-compatible.
  const compatible = [0, 1, 2, 3, 4, 5].every((i) => part(i) === 0);
  if (compatible && range !== 'unspecified' && range !== 'loopback') return ipv4(part(6), part(7));
  return undefined;
}

function stripBrackets(host: string): string {
  const bare = host.startsWith('[') && host.endsWith(']') ? host.slice(1, -1) : host;
  // A zone id ("fe80::1%eth0") names an interface, not an address; the address alone decides.
  const zone = bare.indexOf('%');
  return zone === -1 ? bare : bare.slice(0, zone);
}
