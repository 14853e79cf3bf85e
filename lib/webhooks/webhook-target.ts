// The SSRF guard: where a webhook may be sent. The URL's host is resolved (every address it has) and refused if
// any is loopback, private, link-local (cloud metadata: 169.254.169.254), unique-local, CGNAT, multicast or
// otherwise not public unicast, unless KEYHOLD_WEBHOOK_ALLOW_PRIVATE=true. Checked when an endpoint is saved and
// again at each delivery, which then connects to the very address checked (DNS rebinding cannot swap it).
import { lookup } from "node:dns/promises";
import ipaddr from "ipaddr.js";
import { env } from "@/lib/config/env";

export type WebhookTarget = { url: URL; address: string; family: 4 | 6 };

export class WebhookTargetError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "WebhookTargetError";
  }
}

/** Why the address may not be sent to, or null when it is public unicast. */
export function refusedAddressReason(address: string): string | null {
  if (!ipaddr.isValid(address)) return "not an IP address";
  let parsed = ipaddr.parse(address);
  if (parsed.kind() === "ipv6" && (parsed as ipaddr.IPv6).isIPv4MappedAddress()) parsed = (parsed as ipaddr.IPv6).toIPv4Address();
  const range = parsed.range();
  return range === "unicast" ? null : range;
}

/** The URL's scheme and form, before any lookup. */
export function parseWebhookUrl(raw: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new WebhookTargetError("Enter a full URL, e.g. https://example.com/keyhold-webhooks");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new WebhookTargetError("Only http:// and https:// URLs can receive webhooks");
  if (url.username || url.password) throw new WebhookTargetError("Put no user name or password in the URL");
  return url;
}

export async function resolveWebhookTarget(raw: string, allowPrivate = env().KEYHOLD_WEBHOOK_ALLOW_PRIVATE): Promise<WebhookTarget> {
  const url = parseWebhookUrl(raw);
  const host = url.hostname.replace(/^\[(.*)\]$/, "$1");
  let addresses: { address: string; family: number }[];
  try {
    addresses = await lookup(host, { all: true, verbatim: true });
  } catch {
    throw new WebhookTargetError(`${host} could not be resolved`);
  }
  if (addresses.length === 0) throw new WebhookTargetError(`${host} could not be resolved`);
  if (!allowPrivate) {
    for (const { address } of addresses) {
      const reason = refusedAddressReason(address);
      if (reason) throw new WebhookTargetError(`${host} resolves to ${address} (${reason}): webhooks may only go to public addresses`);
    }
  }
  const [first] = addresses;
  return { url, address: first!.address, family: first!.family === 6 ? 6 : 4 };
}
