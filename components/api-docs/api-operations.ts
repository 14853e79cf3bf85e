import type { OpenAPIObject, OperationObject } from "openapi3-ts/oas31";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

export type DocumentedOperation = { method: (typeof METHODS)[number]; path: string; operation: OperationObject };

/** The document's operations grouped by their first tag, in the order the document declares its tags. */
export function operationsByTag(document: OpenAPIObject): { tag: string; description?: string; operations: DocumentedOperation[] }[] {
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => ({ method, path, operation: item[method] as OperationObject })),
  );
  return (document.tags ?? [])
    .map(({ name, description }) => ({ tag: name, description, operations: operations.filter((o) => o.operation.tags?.[0] === name) }))
    .filter((group) => group.operations.length);
}

export const tagAnchor = (tag: string) => `tag-${tag.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;
