import type { Metadata } from "next";
import type { OperationObject } from "openapi3-ts/oas31";
import { OperationCard } from "@/components/api-docs/operation-card";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/guard";
import { openApiDocument } from "@/lib/api/v1/openapi";

export const metadata: Metadata = { title: "API reference" };

const METHODS = ["get", "post", "patch", "delete"] as const;

export default async function ApiDocsPage() {
  await requirePageActor();
  const document = openApiDocument();
  const operations = Object.entries(document.paths ?? {}).flatMap(([path, item]) =>
    METHODS.filter((m) => item[m]).map((method) => ({ path, method, operation: item[method] as OperationObject })),
  );
  return (
    <div className="max-w-4xl space-y-6">
      <PageHeader
        title="API reference"
        description={
          <>
            Call the API with a service account&apos;s token: <code className="font-mono">Authorization: Bearer kh_…</code>. Errors are{" "}
            <code className="font-mono">{"{ \"error\": { \"code\", \"message\", \"details\"? } }"}</code>. The machine-readable document is at{" "}
            <a className="text-indigo-600 hover:underline" href="/api/v1/openapi.json">
              /api/v1/openapi.json
            </a>
            .
          </>
        }
      />
      {operations.map(({ path, method, operation }) => (
        <OperationCard key={`${method} ${path}`} method={method} path={path} operation={operation} />
      ))}
    </div>
  );
}
