import type { OpenAPIObject, ReferenceObject, ResponseObject } from "openapi3-ts/oas31";
import { statusOf, type ApiErrorCode } from "@/lib/api/api-error";
import { responseExample } from "@/lib/api/v1/openapi-examples";
import { CodeBlock } from "./code-block";
import { Disclosure } from "./disclosure";
import { SchemaBlock } from "./schema-block";

type Props = { title: string; responses: Record<string, ResponseObject | ReferenceObject>; errorCodes: ApiErrorCode[]; document: OpenAPIObject };

const heading = "text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300";

function resolve(response: ResponseObject | ReferenceObject, document: OpenAPIObject): ResponseObject {
  if (!("$ref" in response)) return response;
  return document.components?.responses?.[response.$ref.split("/").pop()!] as ResponseObject;
}

/** Successful answers with an example body each, then the error codes the operation can answer and what they mean. */
export function OperationResponses({ title, responses, errorCodes, document }: Props) {
  const entries = Object.entries(responses).map(([status, response]) => [status, resolve(response, document)] as const);
  const success = entries.filter(([status]) => status.startsWith("2"));
  const failures = entries.filter(([status]) => !status.startsWith("2"));
  return (
    <>
      <h4 className={`mt-4 ${heading}`}>Responses</h4>
      {success.map(([status, response]) => {
        const example = responseExample(response.content, document);
        const media = example ? response.content?.[example.type] : undefined;
        return (
          <div key={status} className="mt-1">
            <p className="text-sm text-slate-800 dark:text-slate-200">
              <span className="font-mono font-semibold">{status}</span> {response.description}
            </p>
            {example ? (
              <>
                <CodeBlock className="mt-1" label={`Example ${status} response of ${title}`} code={example.type.includes("ndjson") ? JSON.stringify(example.body) : JSON.stringify(example.body, null, 2)} />
                <SchemaBlock title={`${status} response schema`} schema={media?.schema} label={`${status} response schema of ${title}`} />
              </>
            ) : null}
          </div>
        );
      })}
      <h4 className={`mt-4 ${heading}`}>Error codes</h4>
      <ul className="mt-1 flex flex-wrap gap-1.5" aria-label={`Error codes of ${title}`}>
        {errorCodes.map((code) => (
          <li key={code} className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs text-slate-800 dark:bg-slate-800 dark:text-slate-100">
            {statusOf(code)} {code}
          </li>
        ))}
      </ul>
      <Disclosure summary="What each error means">
        <ul className="space-y-1 text-sm">
          {failures.map(([status, response]) => (
            <li key={status} className="text-slate-700 dark:text-slate-300">
              <span className="font-mono font-semibold text-slate-900 dark:text-slate-100">{status}</span> {response.description}
            </li>
          ))}
        </ul>
      </Disclosure>
    </>
  );
}
