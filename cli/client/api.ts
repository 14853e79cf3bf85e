import createClient from "openapi-fetch";
import { CliError, exitCodeOf, type ApiErrorBody } from "../output/exit-codes";
import type { paths } from "./api-types";
import type { Credentials } from "../config/credentials";

// Every API call goes through the client generated from the OpenAPI document (api-types.ts, `npm run cli:client`).

export type ApiClient = ReturnType<typeof createClient<paths>>;
const MAX_RETRIES = 5;

export function apiClient({ url, token }: Credentials): ApiClient {
  return createClient<paths>({ baseUrl: url, headers: { Authorization: `Bearer ${token}`, "User-Agent": "keyhold-cli" }, fetch: politeFetch });
}

/**
 * fetch that waits out a 429 (Retry-After) a few times before giving the answer back: a refused request did
 * nothing, so sending it again is safe. A 503 is retried for reads only (a write may have been done).
 */
async function politeFetch(request: Request): Promise<Response> {
  for (let attempt = 0; ; attempt++) {
    const response = await fetch(request.clone());
    const retry = response.status === 429 || (response.status === 503 && request.method === "GET");
    if (!retry || attempt >= MAX_RETRIES) return response;
    const seconds = Number(response.headers.get("Retry-After")) || 1;
    await response.body?.cancel();
    await new Promise((resolve) => setTimeout(resolve, Math.min(seconds, 60) * 1000));
  }
}

type Result<T> = { data?: T; error?: unknown; response: Response };

/** The answer's data, or a CliError carrying the API's error code, message, field errors and exit code. */
export async function call<T>(request: Promise<Result<T>>): Promise<T> {
  const { data, error, response } = await request;
  if (response.ok) return data as T;
  const body = (error as { error?: ApiErrorBody } | undefined)?.error;
  if (body?.code) throw new CliError(body.message, exitCodeOf(body.code), body);
  throw new CliError(`HTTP ${response.status} from ${response.url}`, exitCodeOf(response.status === 404 ? "not_found" : ""));
}

/** Every item of a cursor-paged list, at the API's largest page size. */
export async function allPages<T>(page: (cursor: string | undefined) => Promise<Result<{ data: T[]; nextCursor: string | null }>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const result = await call(page(cursor));
    items.push(...result.data);
    cursor = result.nextCursor ?? undefined;
  } while (cursor);
  return items;
}

/** Runs `work` over `items`, at most `limit` at a time, in order of the results. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index]!, index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
