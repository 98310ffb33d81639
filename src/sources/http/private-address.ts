import { isIP } from 'node:net';

/**
 * Pure classification of IP addresses for the server-side request forgery guard: an address is
 * "non-public" when it is private, loopback, link-local, CGNAT, multicast, unspecified, reserved,
 * documentation-only, or an IPv6 form that embeds such an IPv4 address (IPv4-mapped, NAT64, 6to4).
 */

type Range = readonly [base: number, prefix: number];

const NON_PUBLIC_V4: readonly Range[] = [
  [ipv4ToInt('0.0.0.0'), 8], // "this network", unspecified
  [ipv4ToInt('10.0.0.0'), 8], // private
  [ipv4ToInt('100.64.0.0'), 10], // CGNAT
  [ipv4ToInt('127.0.0.0'), 8], // loopback
  [ipv4ToInt('169.254.0.0'), 16], // link-local (cloud metadata lives here)
  [ipv4ToInt('172.16.0.0'), 12], // private
  [ipv4ToInt('192.0.0.0'), 24], // IETF protocol assignments
  [ipv4ToInt('192.0.2.0'), 24], // TEST-NET-1
  [ipv4ToInt('192.88.99.0'), 24], // 6to4 relay anycast
  [ipv4ToInt('192.168.0.0'), 16], // private
  [ipv4ToInt('198.18.0.0'), 15], // benchmarking
  [ipv4ToInt('198.51.100.0'), 24], // TEST-NET-2
  [ipv4ToInt('203.0.113.0'), 24], // TEST-NET-3
  [ipv4ToInt('224.0.0.0'), 4], // multicast
  [ipv4ToInt('240.0.0.0'), 4], // reserved, broadcast
];

function ipv4ToInt(address: string): number {
  const parts = address.split('.').map((part) => Number(part));
  return ((parts[0] << 24) | (parts[1] << 16) | (parts[2] << 8) | parts[3]) >>> 0;
}

function inRange(value: number, [base, prefix]: Range): boolean {
  const mask = prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
  return (value & mask) >>> 0 === (base & mask) >>> 0;
}

function isNonPublicV4(address: string): boolean {
  const value = ipv4ToInt(address);
  return NON_PUBLIC_V4.some((range) => inRange(value, range));
}

/** Expands an IPv6 address (with `::` and an optional trailing dotted quad) into 8 hextets. */
export function parseIpv6(address: string): number[] | null {
  let text = address.toLowerCase();
  const zone = text.indexOf('%');
  if (zone >= 0) {
    text = text.slice(0, zone);
  }
  const lastColon = text.lastIndexOf(':');
  const last = text.slice(lastColon + 1);
  if (last.includes('.')) {
    if (isIP(last) !== 4) {
      return null;
    }
    const v4 = ipv4ToInt(last);
    text = `${text.slice(0, lastColon + 1)}${(v4 >>> 16).toString(16)}:${(v4 & 0xffff).toString(16)}`;
  }
  const halves = text.split('::');
  if (halves.length > 2) {
    return null;
  }
  const parse = (part: string): number[] =>
    part === '' ? [] : part.split(':').map((hextet) => (/^[0-9a-f]{1,4}$/.test(hextet) ? parseInt(hextet, 16) : NaN));
  const head = parse(halves[0]);
  const rest = halves.length === 2 ? parse(halves[1]) : [];
  const total = head.length + rest.length;
  if (halves.length === 1 && total !== 8) {
    return null;
  }
  if (total > 8 || [...head, ...rest].some((h) => Number.isNaN(h) || h < 0 || h > 0xffff)) {
    return null;
  }
  const zeros = new Array<number>(8 - total).fill(0);
  return [...head, ...zeros, ...rest];
}

function v4FromHextets(high: number, low: number): string {
  return `${high >>> 8}.${high & 0xff}.${low >>> 8}.${low & 0xff}`;
}

function isNonPublicV6(address: string): boolean {
  const h = parseIpv6(address);
  if (!h) {
    return true; // unparseable: refuse
  }
  const allZeroUntil = (n: number): boolean => h.slice(0, n).every((x) => x === 0);
  if (allZeroUntil(8)) {
    return true; // ::
  }
  if (allZeroUntil(7) && h[7] === 1) {
    return true; // ::1
  }
  if (allZeroUntil(5) && h[5] === 0xffff) {
    return isNonPublicV4(v4FromHextets(h[6], h[7])); // ::ffff:a.b.c.d (IPv4-mapped)
  }
  if (allZeroUntil(6)) {
    return true; // deprecated IPv4-compatible ::a.b.c.d
  }
  if (h[0] === 0x64 && h[1] === 0xff9b && h.slice(2, 6).every((x) => x === 0)) {
    return isNonPublicV4(v4FromHextets(h[6], h[7])); // NAT64 64:ff9b::/96
  }
  if (h[0] === 0x2002) {
    return isNonPublicV4(v4FromHextets(h[1], h[2])); // 6to4
  }
  if ((h[0] & 0xfe00) === 0xfc00) {
    return true; // unique local fc00::/7
  }
  if ((h[0] & 0xffc0) === 0xfe80 || (h[0] & 0xffc0) === 0xfec0) {
    return true; // link-local fe80::/10, site-local fec0::/10
  }
  if ((h[0] & 0xff00) === 0xff00) {
    return true; // multicast
  }
  if (h[0] === 0x2001 && h[1] === 0x0db8) {
    return true; // documentation
  }
  if (h[0] === 0x0100 && h[1] === 0 && h[2] === 0 && h[3] === 0) {
    return true; // discard-only 100::/64
  }
  return false;
}

/** True when the address must not be reached from the server unless private sources are allowed. */
export function isNonPublicAddress(address: string): boolean {
  const family = isIP(address);
  if (family === 4) {
    return isNonPublicV4(address);
  }
  if (family === 6) {
    return isNonPublicV6(address);
  }
  return true;
}
