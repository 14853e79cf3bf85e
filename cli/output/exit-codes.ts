// The CLI's exit codes (README "CLI"): scripts branch on them.
export const EXIT = { ok: 0, error: 1, usage: 2, notFound: 3, forbidden: 4, conflict: 5 } as const;
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

export type ApiErrorBody = { code: string; message: string; details?: { fieldErrors?: Record<string, string[]>; formErrors?: string[]; requestId?: string } };

/** An error the CLI reports and exits with: its message (and field errors) on stderr, `exitCode` as the status. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.error,
    readonly api?: ApiErrorBody,
  ) {
    super(message);
  }
}

/** The exit code of an API error code (lib/api/api-error.ts). A bad request is the caller's input: usage. */
export function exitCodeOf(code: string): ExitCode {
  switch (code) {
    case "not_found":
      return EXIT.notFound;
    case "forbidden":
    case "insufficient_scope":
    case "unauthenticated":
      return EXIT.forbidden;
    case "conflict":
      return EXIT.conflict;
    case "validation":
    case "invalid_cursor":
    case "bad_request":
    case "malformed_json":
      return EXIT.usage;
    default:
      return EXIT.error;
  }
}

/** The API error as lines for stderr: `error: code: message`, then each field's messages. */
export function describeApiError(error: ApiErrorBody): string[] {
  const lines = [`error: ${error.code}: ${error.message}`];
  for (const [field, messages] of Object.entries(error.details?.fieldErrors ?? {})) for (const message of messages) lines.push(`  ${field}: ${message}`);
  for (const message of error.details?.formErrors ?? []) lines.push(`  ${message}`);
  if (error.details?.requestId) lines.push(`  request id: ${error.details.requestId}`);
  return lines;
}

/** An error from a non-API source (a file, the network) as a CliError. */
export function toCliError(error: unknown): CliError {
  if (error instanceof CliError) return error;
  // fetch's network errors: "fetch failed", the reason in `cause` (ECONNREFUSED, ENOTFOUND, bad port, …).
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  if (error instanceof TypeError && cause) return new CliError(`cannot reach Keyhold (${cause.code ?? cause.message}): check the URL (keyhold login --url, or KEYHOLD_URL)`);
  return new CliError(error instanceof Error ? error.message : String(error));
}
