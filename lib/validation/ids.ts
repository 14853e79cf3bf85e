import { z } from "zod";

const INT64_MAX = 9_223_372_036_854_775_807n;

/** A positive PostgreSQL bigint id as text (audit events): 19 digits can still overflow bigint, so it is checked. */
export const isInt64Id = (text: string) => /^\d{1,19}$/.test(text) && BigInt(text) <= INT64_MAX;

export function int64Id(message = "Not a valid id") {
  return z.string().refine(isInt64Id, message);
}
