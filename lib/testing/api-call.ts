import { randomUUID } from "node:crypto";
import type { ApiReply } from "@/lib/api/api-reply";
import { API_ROUTES } from "@/lib/api/v1/routes";
import { db } from "@/lib/db/client";
import type { ServiceAccountRole } from "@/lib/db/generated/enums";
import { CLIENT_IP_HEADER } from "@/lib/http/header-names";
import { createTestServiceAccount, createTestUser } from "./factories";

type Call = { token?: string; body?: unknown; form?: Record<string, string>; ip?: string; params?: Record<string, string>; query?: Record<string, string> };

/** Calls a route of the table as lib/api/server.ts hands it a request (the path is the table's template). */
export async function callApi(method: string, path: string, { token, body, form, ip = "203.0.113.50", params = {}, query = {} }: Call = {}): Promise<ApiReply> {
  const route = API_ROUTES.find((r) => r.method === method && r.path === path);
  if (!route) throw new Error(`no route ${method} ${path}`);
  const url = path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? "");
  const headers: Record<string, string> = { [CLIENT_IP_HEADER]: ip };
  if (token) headers.authorization = `Bearer ${token}`;
  let raw: Buffer | undefined;
  if (form) {
    headers["content-type"] = "application/x-www-form-urlencoded";
    raw = Buffer.from(new URLSearchParams(form).toString());
  } else if (body !== undefined) {
    headers["content-type"] = "application/json";
    raw = Buffer.from(JSON.stringify(body));
  }
  return route.handle({ id: randomUUID(), method, url, headers, params, query, body: raw });
}

/** A service account of the role whose token has these scopes (null: full access) and allowed ranges. */
export async function createScopedToken(role: ServiceAccountRole, { scopes = null, allowedIps = [] }: { scopes?: string[] | null; allowedIps?: string[] } = {}) {
  const owner = await createTestUser({ role: "ADMIN" });
  const created = await createTestServiceAccount(owner.id, { role });
  await db.apiToken.update({ where: { id: created.token.id }, data: { fullAccess: scopes === null, scopes: scopes ?? [], allowedIps } });
  return created;
}

export const errorCode = (reply: ApiReply) => (reply.body as { error?: { code: string } } | undefined)?.error?.code;
