import { randomUUID } from "node:crypto";
import http from "node:http";
import next from "next";
import { createApiServer, isApiPath } from "@/lib/api/server";
import type { Env } from "@/lib/config/env";
import { CLIENT_IP_HEADER, REQUEST_ID_HEADER } from "@/lib/http/header-names";

/**
 * Serves Keyhold on one port: the REST API (/api/v1, /api/health) through lib/api/server.ts, everything else
 * (console pages, server actions, sign-in) through Next. The client address the app records comes from the
 * socket (or, with KEYHOLD_TRUST_PROXY, from the proxy's X-Forwarded-For entry), never from a header the
 * client chose: Next itself keeps a client-sent X-Forwarded-For.
 *
 * Two copies of lib/ run in this process: Next's bundle (pages, server actions) and the modules loaded here for
 * the API. State both must see lives on globalThis (the Prisma client, the token cache and its change
 * listeners, usage counters), which is how a revocation in the console empties the API's cache at once.
 */
export async function serve(env: Env, { dir = process.cwd(), dev = false } = {}): Promise<http.Server> {
  let api: ((req: http.IncomingMessage, res: http.ServerResponse) => void) | null = null;
  const server = http.createServer((req, res) => {
    req.headers[CLIENT_IP_HEADER] = clientIp(req, env.KEYHOLD_TRUST_PROXY);
    if (api && isApiPath(req.url ?? "")) return api(req, res);
    // The request id the console's audit events carry, made here: not the client's (proxy.ts does not run
    // on /api/auth, next-auth's routes). The API makes its own (lib/api/server.ts).
    const requestId = randomUUID();
    req.headers[REQUEST_ID_HEADER] = requestId;
    res.setHeader(REQUEST_ID_HEADER, requestId);
    void handle(req, res);
  });
  const app = next({ dev, dir, hostname: env.HOST, port: env.PORT, httpServer: server });
  await app.prepare();
  const handle = app.getRequestHandler();
  const fastify = await createApiServer(server);
  api = (req, res) => fastify.routing(req, res);
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(env.PORT, env.HOST, resolve);
  });
  return server;
}

function clientIp(req: http.IncomingMessage, trustProxy: boolean): string {
  const socketIp = (req.socket.remoteAddress ?? "").replace(/^::ffff:/, "");
  if (!trustProxy) return socketIp;
  const forwarded = req.headers["x-forwarded-for"];
  const last = (Array.isArray(forwarded) ? forwarded.join(",") : (forwarded ?? "")).split(",").at(-1)?.trim();
  return last || socketIp;
}
