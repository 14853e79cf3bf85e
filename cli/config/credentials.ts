import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";
import { CliError, EXIT } from "../output/exit-codes";

// Where `keyhold login` keeps the URL and token: $XDG_CONFIG_HOME/keyhold/credentials.json (or
// ~/.config/keyhold/…), the directory 0700 and the file 0600. KEYHOLD_URL and KEYHOLD_TOKEN win over it.

export type Credentials = { url: string; token: string };

export function credentialsFile(): string {
  const base = process.env.XDG_CONFIG_HOME || path.join(homedir(), ".config");
  return path.join(base, "keyhold", "credentials.json");
}

export function readStoredCredentials(): Partial<Credentials> {
  try {
    const stored = JSON.parse(readFileSync(credentialsFile(), "utf8")) as Partial<Credentials>;
    return { url: typeof stored.url === "string" ? stored.url : undefined, token: typeof stored.token === "string" ? stored.token : undefined };
  } catch {
    return {};
  }
}

export function storeCredentials(credentials: Credentials): string {
  const file = credentialsFile();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  chmodSync(path.dirname(file), 0o700);
  // Created 0600, and chmod in case the file was there before with a wider mode.
  writeFileSync(file, `${JSON.stringify(credentials, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return file;
}

export function removeCredentials(): boolean {
  const file = credentialsFile();
  try {
    readFileSync(file);
  } catch {
    return false;
  }
  rmSync(file);
  return true;
}

/** The URL and token every command uses: the environment first, then what login stored. */
export function resolveCredentials(): Credentials {
  const stored = readStoredCredentials();
  const url = process.env.KEYHOLD_URL || stored.url;
  const token = process.env.KEYHOLD_TOKEN || stored.token;
  if (!url || !token) throw new CliError("not logged in: run `keyhold login --url <Keyhold URL>`, or set KEYHOLD_URL and KEYHOLD_TOKEN", EXIT.usage);
  return { url: normaliseUrl(url), token };
}

export function normaliseUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new CliError(`not a URL: ${url}`, EXIT.usage);
  }
  if (parsed.protocol !== "http:" && parsed.protocol !== "https:") throw new CliError(`not an http(s) URL: ${url}`, EXIT.usage);
  return parsed.origin + parsed.pathname.replace(/\/+$/, "");
}
