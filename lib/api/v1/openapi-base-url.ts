import "server-only";
import { headers } from "next/headers";
import { env } from "@/lib/config/env";

const HOST = /^[a-z0-9.-]+(:\d{1,5})?$|^\[[0-9a-f:.]+\](:\d{1,5})?$/i;

/**
 * The URL callers reach the API at, for the API reference's examples: KEYHOLD_PUBLIC_URL when the operator set
 * it, else the origin the console was opened at (behind a trusted proxy, the one it forwarded).
 */
export async function apiBaseUrl(): Promise<string> {
  const config = env();
  if (process.env.KEYHOLD_PUBLIC_URL) return config.KEYHOLD_PUBLIC_URL;
  const h = await headers();
  const forwarded = config.KEYHOLD_TRUST_PROXY ? h.get("x-forwarded-host")?.split(",")[0]?.trim() : undefined;
  const host = forwarded ?? h.get("host") ?? "";
  if (!HOST.test(host)) return config.KEYHOLD_PUBLIC_URL;
  const proto = config.KEYHOLD_TRUST_PROXY && h.get("x-forwarded-proto")?.split(",")[0]?.trim() === "https" ? "https" : "http";
  return `${proto}://${host}`;
}
