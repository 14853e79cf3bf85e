import type { OpenAPIObject, OperationObject, ParameterObject, ReferenceObject, RequestBodyObject, ResponseObject } from "openapi3-ts/oas31";
import type { ApiErrorCode } from "@/lib/api/api-error";
import { describeAccess, type OperationAccess } from "@/lib/api/v1/openapi-access";
import { curlExample } from "@/lib/api/v1/openapi-curl";
import { cn } from "@/lib/cn";
import { CodeBlock } from "./code-block";
import { InlineCode } from "./inline-code";
import { OperationAccessList } from "./operation-access";
import { OperationParameters } from "./operation-parameters";
import { OperationResponses } from "./operation-responses";
import { SchemaBlock } from "./schema-block";

const METHOD_TONES: Record<string, string> = {
  get: "bg-sky-100 text-sky-900 dark:bg-sky-900 dark:text-sky-100",
  post: "bg-emerald-100 text-emerald-900 dark:bg-emerald-900 dark:text-emerald-100",
  put: "bg-violet-100 text-violet-900 dark:bg-violet-900 dark:text-violet-100",
  patch: "bg-amber-100 text-amber-900 dark:bg-amber-900 dark:text-amber-100",
  delete: "bg-red-100 text-red-900 dark:bg-red-900 dark:text-red-100",
};

type Operation = OperationObject & Partial<OperationAccess> & { "x-keyhold-error-codes"?: ApiErrorCode[] };
type Props = { method: string; path: string; operation: Operation; document: OpenAPIObject; baseUrl: string };

export const operationAnchor = (method: string, path: string) => `${method}-${path}`.replace(/[^a-z0-9]+/gi, "-").replace(/-$/, "");

/** One operation of the API reference: what it does, who may call it, how (curl), what it answers. */
export function OperationCard({ method, path, operation, document, baseUrl }: Props) {
  const title = `${method.toUpperCase()} ${path}`;
  const id = operationAnchor(method, path);
  const parameters = (operation.parameters ?? []) as ParameterObject[];
  const body = operation.requestBody as RequestBodyObject | undefined;
  const bodyTypes = Object.keys(body?.content ?? {});
  // The access sentence the document appends is shown as a list here instead.
  const access = operation.security?.length ? describeAccess(operation as OperationAccess) : null;
  const paragraphs = (operation.description ?? "").split("\n\n").filter((p) => p && p !== access);
  return (
    <section id={id} aria-labelledby={`${id}-title`} className="scroll-mt-4 rounded-lg border border-slate-200 bg-white p-4 wrap-anywhere sm:p-5 dark:border-slate-700 dark:bg-slate-900">
      <h3 id={`${id}-title`} className="flex flex-wrap items-center gap-2 font-mono text-sm">
        <span className={cn("rounded px-2 py-0.5 text-xs font-bold", METHOD_TONES[method] ?? "bg-slate-100")}>{method.toUpperCase()}</span>{" "}
        <span className="min-w-0 text-slate-900 dark:text-slate-100">{path}</span>
      </h3>
      {operation.summary ? <p className="mt-2 text-sm font-medium text-slate-900 dark:text-slate-100">{operation.summary}</p> : null}
      {paragraphs.map((p) => (
        <p key={p} className="mt-1 text-sm text-slate-700 dark:text-slate-300">
          <InlineCode text={p} />
        </p>
      ))}
      <OperationAccessList operation={operation} />
      <OperationParameters parameters={parameters} />
      <h4 className="mt-4 text-xs font-semibold tracking-wide text-slate-600 uppercase dark:text-slate-300">Request example</h4>
      <CodeBlock className="mt-1" label={`curl example of ${title}`} code={curlExample({ method, path, operation, document, baseUrl })} />
      {body ? (
        <>
          {bodyTypes.length > 1 ? <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">The body may also be sent as {bodyTypes.filter((t) => t !== "application/json").join(", ")}.</p> : null}
          <SchemaBlock title="Request body schema" schema={body.content["application/json"]?.schema ?? Object.values(body.content)[0]?.schema} label={`Request body schema of ${title}`} />
        </>
      ) : null}
      <OperationResponses title={title} responses={operation.responses as Record<string, ResponseObject | ReferenceObject>} errorCodes={operation["x-keyhold-error-codes"] ?? []} document={document} />
    </section>
  );
}
