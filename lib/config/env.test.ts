import { describe, expect, it } from "vitest";
import { parseEnv } from "./env";

const valid = { DATABASE_URL: "postgresql://127.0.0.1/keyhold", AUTH_SECRET: "s".repeat(32) };

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

  it("names every missing or malformed variable in one message", () => {
    expect(() => parseEnv({ PORT: "http", KEYHOLD_ADMIN_PASSWORD: "short" })).toThrow(
      /DATABASE_URL is required[\s\S]*AUTH_SECRET is required[\s\S]*KEYHOLD_ADMIN_PASSWORD must be at least 12 characters[\s\S]*PORT/,
    );
  });
});
