import type { OpenAPIObject, OperationObject, ParameterObject, RequestBodyObject } from "openapi3-ts/oas31";
import { exampleOf, requestBodyExample } from "./openapi-examples";

// The request example of an operation in the API reference: a curl command with the method, the URL at the
// console's base URL, the Authorization header (for operations that take a token) and a JSON body example.

const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

export function curlExample({ method, path, operation, document, baseUrl }: { method: string; path: string; operation: OperationObject; document: OpenAPIObject; baseUrl: string }): string {
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const filled = path.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const parameter = parameters.find((p) => p.in === "path" && p.name === name);
    return parameter ? encodeURIComponent(String(exampleOf(parameter.schema, document))) : whole;
  });
  const query = new URLSearchParams(parameters.filter((p) => p.in === "query" && p.required).map((p) => [p.name, String(exampleOf(p.schema, document))]));
  const url = `${baseUrl.replace(/\/$/, "")}${filled}${query.size ? `?${query}` : ""}`;
  const lines = [method.toLowerCase() === "get" ? `curl ${quote(url)}` : `curl -X ${method.toUpperCase()} ${quote(url)}`];
  if (operation.security?.length) lines.push(`-H ${quote("Authorization: Bearer kh_…")}`);
  const body = operation.requestBody ? requestBodyExample((operation.requestBody as RequestBodyObject).content, document) : null;
  if (body !== null && body !== undefined) {
    lines.push(`-H ${quote("Content-Type: application/json")}`);
    const json = JSON.stringify(body);
    lines.push(`-d ${quote(json.length > 60 ? JSON.stringify(body, null, 2) : json)}`);
  }
  return lines.join(" \\\n     ");
}
