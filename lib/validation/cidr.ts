import ipaddr from "ipaddr.js";
import { z } from "zod";
import { singleLineText } from "./text";

// IP allowlists (a token's allowed ranges): IPv4 and IPv6 CIDR ranges, stored normalised as network/prefix
// ("10.1.2.3/8" is stored as "10.0.0.0/8"; a bare address is its own /32 or /128). IPv4-mapped IPv6 client
// addresses (::ffff:10.0.0.1) are matched as the IPv4 addresses they are.

export const MAX_ALLOWED_RANGES = 50;

type Address = ipaddr.IPv4 | ipaddr.IPv6;

/** The range in its stored form, or null when it is not an IPv4/IPv6 address or CIDR range. */
export function normaliseCidr(text: string): string | null {
  const value = text.trim();
  const [host] = value.split("/", 1);
  // ipaddr.js also reads shorthand such as "10.0.0" or "167772161"; only dotted quads are IPv4 here.
  if (!host!.includes(":") && !ipaddr.IPv4.isValidFourPartDecimal(host!)) return null;
  try {
    const [address, prefix] = value.includes("/") ? ipaddr.parseCIDR(value) : [ipaddr.parse(value), null];
    const plain = unmapped(address);
    const bits = prefix === null ? (plain.kind() === "ipv4" ? 32 : 128) : plain === address ? prefix : prefix - 96;
    if (bits < 0) return null;
    const network = plain.kind() === "ipv4" ? ipaddr.IPv4.networkAddressFromCIDR(`${plain}/${bits}`) : ipaddr.IPv6.networkAddressFromCIDR(`${plain}/${bits}`);
    return `${network.toString()}/${bits}`;
  } catch {
    return null;
  }
}

/** One range, as a form or the API sends it; parsed into its stored form. */
export const cidrSchema = singleLineText()
  .max(64, "A range must be at most 64 characters")
  .transform((text, ctx) => {
    const range = normaliseCidr(text);
    if (!range) {
      ctx.addIssue({ code: "custom", message: `"${text.trim().slice(0, 64)}" is not an IPv4 or IPv6 address or CIDR range (e.g. 203.0.113.0/24)` });
      return z.NEVER;
    }
    return range;
  });

/** A token's allowed ranges: empty means anywhere. Duplicates are dropped. */
export const allowedIpsSchema = z
  .array(cidrSchema)
  .max(MAX_ALLOWED_RANGES, `At most ${MAX_ALLOWED_RANGES} ranges`)
  .transform((ranges) => [...new Set(ranges)]);

/** Whether a client address may use a token with these ranges (no ranges: any address; an unknown address: none). */
export function ipAllowed(ip: string | null, ranges: readonly string[]): boolean {
  if (ranges.length === 0) return true;
  const address = parseAddress(ip);
  if (!address) return false;
  return ranges.some((range) => {
    const [network, bits] = ipaddr.parseCIDR(range);
    return network.kind() === address.kind() && address.match([network, bits] as never);
  });
}

/** Whether the text is one IPv4 (dotted quad) or IPv6 address, as a client address is given (e.g. introspection's client_ip). */
export const isIpAddress = (text: string): boolean => parseAddress(text) !== null;

/** Ranges wider than /8 (IPv4) or /32 (IPv6): the console warns before saving them. */
export function isWideRange(range: string): boolean {
  const [network, bits] = ipaddr.parseCIDR(range);
  return network.kind() === "ipv4" ? bits < 8 : bits < 32;
}

function parseAddress(ip: string | null): Address | null {
  if (!ip || !(ip.includes(":") ? ipaddr.IPv6.isValid(ip) : ipaddr.IPv4.isValidFourPartDecimal(ip))) return null;
  return unmapped(ipaddr.parse(ip));
}

function unmapped(address: Address): Address {
  return address.kind() === "ipv6" && (address as ipaddr.IPv6).isIPv4MappedAddress() ? (address as ipaddr.IPv6).toIPv4Address() : address;
}
