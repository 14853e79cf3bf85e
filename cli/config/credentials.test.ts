import { mkdtempSync, rmSync, statSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { CliError } from "../output/exit-codes";
import { credentialsFile, normaliseUrl, removeCredentials, resolveCredentials, storeCredentials } from "./credentials";

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), "keyhold-credentials-"));
  vi.stubEnv("XDG_CONFIG_HOME", dir);
  vi.stubEnv("KEYHOLD_URL", "");
  vi.stubEnv("KEYHOLD_TOKEN", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
  rmSync(dir, { recursive: true, force: true });
});

describe("the CLI's stored credentials", () => {
  it("live in $XDG_CONFIG_HOME/keyhold, the directory 0700 and the file 0600, even over a wider file", () => {
    mkdirSync(path.join(dir, "keyhold"), { mode: 0o755 });
    writeFileSync(path.join(dir, "keyhold", "credentials.json"), "{}", { mode: 0o644 });
    const file = storeCredentials({ url: "http://127.0.0.1:3000", token: "kh_stored" });
    expect(file).toBe(path.join(dir, "keyhold", "credentials.json"));
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(statSync(path.dirname(file)).mode & 0o777).toBe(0o700);
    expect(resolveCredentials()).toEqual({ url: "http://127.0.0.1:3000", token: "kh_stored" });
  });

  it("give way to KEYHOLD_URL and KEYHOLD_TOKEN, each on its own", () => {
    storeCredentials({ url: "http://127.0.0.1:3000", token: "kh_stored" });
    vi.stubEnv("KEYHOLD_TOKEN", "kh_env");
    expect(resolveCredentials()).toEqual({ url: "http://127.0.0.1:3000", token: "kh_env" });
    vi.stubEnv("KEYHOLD_URL", "https://keyhold.example.com/base/");
    expect(resolveCredentials()).toEqual({ url: "https://keyhold.example.com/base", token: "kh_env" });
  });

  it("are a usage error when missing, and gone after logout", () => {
    expect(() => resolveCredentials()).toThrow(CliError);
    storeCredentials({ url: "http://127.0.0.1:3000", token: "kh_stored" });
    expect(removeCredentials()).toBe(true);
    expect(removeCredentials()).toBe(false);
    expect(() => statSync(credentialsFile())).toThrow();
  });

  it("take only http(s) URLs", () => {
    expect(normaliseUrl("http://127.0.0.1:3000/")).toBe("http://127.0.0.1:3000");
    for (const bad of ["127.0.0.1:3000", "ftp://example.com", "not a url"]) expect(() => normaliseUrl(bad), bad).toThrow(CliError);
  });
});
