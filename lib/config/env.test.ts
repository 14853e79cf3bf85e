import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const key = "k".repeat(43); // 32 bytes as base64url
const valid = { DATABASE_URL: "postgresql://127.0.0.1/keyhold", AUTH_SECRET: "s".repeat(32), KEYHOLD_AUDIT_KEY: key, KEYHOLD_AUDIT_SIGNING_KEY: key };

describe("parseEnv", () => {
  it("applies defaults", () => {
    expect(parseEnv(valid)).toMatchObject({ PORT: 3000, HOST: "127.0.0.1", KEYHOLD_TRUST_PROXY: false });
  });

  it("takes the refusal window in seconds, 60 unless set, between 1 and 3600", () => {
    expect(parseEnv(valid).KEYHOLD_REFUSAL_WINDOW_SECONDS).toBe(60);
    expect(parseEnv({ ...valid, KEYHOLD_REFUSAL_WINDOW_SECONDS: "1" }).KEYHOLD_REFUSAL_WINDOW_SECONDS).toBe(1);
    for (const bad of ["0", "3601", "1.5", "soon"]) {
      expect(() => parseEnv({ ...valid, KEYHOLD_REFUSAL_WINDOW_SECONDS: bad })).toThrow(/KEYHOLD_REFUSAL_WINDOW_SECONDS/);
    }
  });

  it("takes the database bound in milliseconds, 5000 unless set, between 100 and 60000", () => {
    expect(parseEnv(valid).KEYHOLD_DB_TIMEOUT_MS).toBe(5000);
    expect(parseEnv({ ...valid, KEYHOLD_DB_TIMEOUT_MS: "2000" }).KEYHOLD_DB_TIMEOUT_MS).toBe(2000);
    for (const bad of ["99", "60001", "2.5", "5s"]) expect(() => parseEnv({ ...valid, KEYHOLD_DB_TIMEOUT_MS: bad })).toThrow(/KEYHOLD_DB_TIMEOUT_MS/);
  });

  it("names every missing or malformed variable in one message", () => {
    expect(() => parseEnv({ PORT: "http", KEYHOLD_ADMIN_PASSWORD: "short" })).toThrow(
      /DATABASE_URL is required[\s\S]*AUTH_SECRET is required[\s\S]*KEYHOLD_ADMIN_PASSWORD must be at least 12 characters[\s\S]*PORT/,
    );
  });

  it("checks the audit keys: base64url, long enough, previous keys one by one", () => {
    expect(parseEnv({ ...valid, KEYHOLD_AUDIT_PREVIOUS_KEYS: ` ${key}, ${"p".repeat(43)} ` }).KEYHOLD_AUDIT_PREVIOUS_KEYS).toEqual([key, "p".repeat(43)]);
    expect(parseEnv(valid).KEYHOLD_AUDIT_PREVIOUS_KEYS).toEqual([]);
    expect(() => parseEnv({ ...valid, KEYHOLD_AUDIT_KEY: undefined, KEYHOLD_AUDIT_SIGNING_KEY: undefined })).toThrow(
      /KEYHOLD_AUDIT_KEY is required \(npm run quickstart generates one into \.env\.local; or: node -e[\s\S]*KEYHOLD_AUDIT_SIGNING_KEY is required/,
    );
    expect(() => parseEnv({ ...valid, KEYHOLD_AUDIT_KEY: "too-short", KEYHOLD_AUDIT_PREVIOUS_KEYS: `${key},not base64!`, KEYHOLD_AUDIT_SIGNING_KEY: key + "kk" })).toThrow(
      /KEYHOLD_AUDIT_KEY must be at least 32 random bytes[\s\S]*KEYHOLD_AUDIT_PREVIOUS_KEYS.1: KEYHOLD_AUDIT_PREVIOUS_KEYS must be[\s\S]*KEYHOLD_AUDIT_SIGNING_KEY must be 32 random bytes \(an Ed25519 seed\)/,
    );
  });

  it("takes the public URL as given (without a trailing slash), http://HOST:PORT unless set", () => {
    expect(parseEnv(valid).KEYHOLD_PUBLIC_URL).toBe("http://127.0.0.1:3000");
    expect(parseEnv({ ...valid, HOST: "::1", PORT: "3300" }).KEYHOLD_PUBLIC_URL).toBe("http://[::1]:3300");
    expect(parseEnv({ ...valid, KEYHOLD_PUBLIC_URL: "https://keys.example.com/" }).KEYHOLD_PUBLIC_URL).toBe("https://keys.example.com");
    for (const bad of ["keys.example.com", "ftp://keys.example.com", "javascript:alert(1)"]) {
      expect(() => parseEnv({ ...valid, KEYHOLD_PUBLIC_URL: bad })).toThrow(/KEYHOLD_PUBLIC_URL must be an http/);
    }
  });
});
