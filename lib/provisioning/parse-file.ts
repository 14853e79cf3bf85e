import { isNode, LineCounter, parseDocument, type Document } from "yaml";
import { keyholdFileSchema, type KeyholdFile } from "./file-schema";

// Reads a provisioning file (YAML, so JSON too) and checks it against the schema. Every problem names where it is:
// `keyhold.yaml:12:7 serviceAccounts.1.role: Choose a role`.

export type FileProblem = { line: number; col: number; path: string; message: string };
export type ParsedFile = { ok: true; file: KeyholdFile } | { ok: false; problems: FileProblem[] };

export function parseKeyholdFile(text: string): ParsedFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number) => lineCounter.linePos(offset);
  if (doc.errors.length) {
    return { ok: false, problems: doc.errors.map((error) => ({ ...at(error.pos[0]), path: "", message: error.message.split("\n", 1)[0]! })) };
  }
  const parsed = keyholdFileSchema.safeParse(doc.toJS() ?? {});
  if (parsed.success) return { ok: true, file: parsed.data };
  const problems = parsed.error.issues.flatMap((issue) => {
    const path = issue.path as (string | number)[];
    // An unknown key: one problem per key, at the key.
    const paths = issue.code === "unrecognized_keys" ? issue.keys.map((key) => [...path, key]) : [path];
    const message = issue.code === "unrecognized_keys" ? "Unknown field" : issue.message;
    return paths.map((where) => ({ ...at(offsetOf(doc, where)), path: where.join("."), message }));
  });
  return { ok: false, problems: problems.sort((a, b) => a.line - b.line || a.col - b.col) };
}

/** Where the value at `path` starts; for a missing key, where the nearest existing parent starts. */
function offsetOf(doc: Document, path: (string | number)[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
    if (isNode(node) && node.range) return node.range[0];
  }
  return 0;
}

export const formatProblem = (file: string, { line, col, path, message }: FileProblem) => `${file}:${line}:${col} ${path ? `${path}: ` : ""}${message}`;
