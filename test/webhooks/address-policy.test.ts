import { describe, expect, it } from 'vitest';
import { isIpLiteral, isPublicAddress, refusedRange } from '../../src/webhooks/address-policy.ts';

describe('webhook address policy', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'carrierGradeNat'],
    ['100.127.255.254', 'carrierGradeNat'],
    ['169.254.1.1', 'linkLocal'],
    ['169.254.169.254', 'cloud metadata'],
    ['100.100.100.200', 'cloud metadata'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['255.255.255.255', 'broadcast'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'reserved'],
    ['198.18.0.1', 'reserved'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'linkLocal'],
    ['fe80::1%eth0', 'linkLocal'],
    ['fc00::1', 'uniqueLocal'],
    ['fd12:3456::1', 'uniqueLocal'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['2001::1', 'teredo'],
    ['::ffff:127.0.0.1', 'loopback (embedded in IPv6)'],
    ['::ffff:10.1.2.3', 'private (embedded in IPv6)'],
    ['::ffff:169.254.169.254', 'cloud metadata (embedded in IPv6)'],
    ['::127.0.0.1', 'loopback (embedded in IPv6)'],
    ['::ffff:0:127.0.0.1', 'loopback (embedded in IPv6)'],
    ['64:ff9b::127.0.0.1', 'loopback (embedded in IPv6)'],
    ['2002:7f00:1::', 'loopback (embedded in IPv6)'],
    ['2002:c0a8:101::1', 'private (embedded in IPv6)'],
    ['[::1]', 'loopback'],
  ])('refuses %s (%s)', (address, range) => {
    expect(refusedRange(address)).toBe(range);
    expect(isPublicAddress(address)).toBe(false);
  });

  it.each([
    ['2130706433', 'decimal'],
    ['0x7f000001', 'hexadecimal'],
    ['0177.0.0.1', 'octal'],
    ['0x7f.0.0.1', 'hexadecimal octet'],
    ['127.1', 'short form'],
  ])('refuses loopback written as %s (%s)', (address) => {
    expect(isIpLiteral(address)).toBe(true);
    expect(refusedRange(address)).toBe('loopback');
  });

  it.each([
    '93.184.216.34',
    '1.1.1.1',
    '8.8.8.8',
    '2606:4700::1111',
    '2a00:1450:4009:81f::200e',
    '::ffff:93.184.216.34',
    '64:ff9b::93.184.216.34',
    '2002:5db8:d822::1',
  ])('accepts the public address %s', (address) => {
    expect(refusedRange(address)).toBeUndefined();
    expect(isPublicAddress(address)).toBe(true);
  });

  it('refuses what is not an IP address, and tells host names from literals', () => {
    expect(refusedRange('example.com')).toBe('not an IP address');
    expect(isIpLiteral('example.com')).toBe(false);
    expect(isIpLiteral('[2606:4700::1111]')).toBe(true);
  });
});
