// A real SMTP server for tests (smtp-server on 127.0.0.1, a free port): it accepts every message and keeps
// what arrived (envelope sender and recipients, subject, the raw message) for the test to read.
import { SMTPServer } from "smtp-server";
import type { AddressInfo } from "node:net";

/** `readable`: the raw message with quoted-printable undone (soft breaks joined, =XX bytes decoded), to search in. */
export type CaughtMessage = { from: string; to: string[]; subject: string; raw: string; readable: string };
export type SmtpCatcher = { url: string; port: number; messages: CaughtMessage[]; stop: () => Promise<void> };

/** The Subject header, unfolded, with RFC 2047 encoded words (=?UTF-8?Q?…?= / B) decoded. */
function subjectOf(raw: string): string {
  const header = raw.split(/\r?\n\r?\n/, 1)[0]!.replace(/\r?\n[ \t]+/g, " ");
  const line = /^subject:[ \t]*(.*)$/im.exec(header)?.[1] ?? "";
  return line.replace(/=\?utf-8\?([qb])\?([^?]*)\?=\s*/gi, (_m, encoding: string, text: string) =>
    encoding.toLowerCase() === "b" ? Buffer.from(text, "base64").toString("utf8") : decodeQ(text),
  );
}
const decodeQp = (text: string) => Buffer.from(text.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/g, (_m, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8");
const decodeQ = (text: string) => decodeQp(text.replace(/_/g, " "));

export async function startSmtpCatcher(port = 0): Promise<SmtpCatcher> {
  const messages: CaughtMessage[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const raw = Buffer.concat(chunks).toString("utf8");
        const from = session.envelope.mailFrom ? session.envelope.mailFrom.address : "";
        messages.push({ from, to: session.envelope.rcptTo.map((r) => r.address), subject: subjectOf(raw), raw, readable: decodeQp(raw) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const actual = (server.server.address() as AddressInfo).port;
  return {
    url: `smtp://127.0.0.1:${actual}`,
    port: actual,
    messages,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
