// A real HTTP receiver on 127.0.0.1 for webhook tests and the fan-out benchmark: it records what arrives and
// answers each path with the statuses it is told (the last one repeats; default 200).
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Received = { path: string; headers: Record<string, string>; body: string };

export type WebhookReceiver = {
  url: (path: string) => string;
  received: Received[];
  /** What `path` answers, in turn. */
  answer: (path: string, ...statuses: number[]) => void;
  close: () => Promise<void>;
};

export async function startWebhookReceiver(): Promise<WebhookReceiver> {
  const received: Received[] = [];
  const scripts = new Map<string, number[]>();
  const server = http.createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const path = request.url ?? "/";
      received.push({ path, headers: request.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") });
      const script = scripts.get(path) ?? [];
      const status = script.length > 1 ? script.shift()! : (script[0] ?? 200);
      response.writeHead(status).end();
    });
  });
  server.keepAliveTimeout = 1;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    received,
    answer: (path, ...statuses) => void scripts.set(path, statuses),
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
