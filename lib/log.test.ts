import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { logRepeatedError, REPEAT_INTERVAL_MS } from "./log";

describe("logRepeatedError", () => {
  let lines: Record<string, unknown>[];
  beforeEach(() => {
    lines = [];
    vi.useFakeTimers();
    vi.spyOn(console, "error").mockImplementation((line: string) => void lines.push(JSON.parse(line)));
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });

  it("logs the first of a flood at once, then one line with the count per interval, then nothing once it stops", () => {
    const down = new Error("connect ECONNREFUSED 127.0.0.1:5432");
    for (let i = 0; i < 800; i++) logRepeatedError("api request: database unavailable", down, { requestId: `r${i}` });
    logRepeatedError("api request: database unavailable", new Error("Query read timeout"), { requestId: "other" });
    expect(lines.map((l) => [l.error, l.repeated, l.requestId])).toEqual([
      ["connect ECONNREFUSED 127.0.0.1:5432", undefined, "r0"],
      ["Query read timeout", undefined, "other"],
    ]);
    vi.advanceTimersByTime(REPEAT_INTERVAL_MS);
    expect(lines.slice(2).map((l) => [l.error, l.repeated, l.requestId])).toEqual([["connect ECONNREFUSED 127.0.0.1:5432", 799, "r799"]]);
    for (let i = 0; i < 5; i++) logRepeatedError("api request: database unavailable", down);
    vi.advanceTimersByTime(REPEAT_INTERVAL_MS);
    expect(lines.at(-1)).toMatchObject({ repeated: 5 });
    // A quiet interval ends the series: the next occurrence is logged at once again.
    vi.advanceTimersByTime(REPEAT_INTERVAL_MS * 2);
    const before = lines.length;
    logRepeatedError("api request: database unavailable", down, { requestId: "again" });
    expect(lines.slice(before)).toMatchObject([{ requestId: "again" }]);
    expect(lines.slice(before)[0]).not.toHaveProperty("repeated");
  });
});
