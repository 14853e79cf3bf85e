// One JSON line per event on stderr. Never pass a secret (password, token) in `fields`.
export function logError(message: string, error: unknown, fields: Record<string, unknown> = {}) {
  const detail = error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
  console.error(JSON.stringify({ level: "error", time: new Date().toISOString(), message, ...fields, ...detail }));
}

export function logInfo(message: string, fields: Record<string, unknown> = {}) {
  console.log(JSON.stringify({ level: "info", time: new Date().toISOString(), message, ...fields }));
}
