/**
 * What an API handler answers: a status, a body (serialised as JSON, or a stream sent as it is) and headers.
 * lib/api/server.ts writes it; handlers never touch the HTTP response themselves.
 */
export type ApiReply = { status: number; body?: unknown; headers?: Record<string, string> };

export const json = (body: unknown, status = 200): ApiReply => ({ status, body });
export const noContent = (): ApiReply => ({ status: 204 });
