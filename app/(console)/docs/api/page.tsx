import type { Metadata } from "next";
import { ApiContents } from "@/components/api-docs/api-contents";
import { operationsByTag, tagAnchor } from "@/components/api-docs/api-operations";
import { ApiIntro } from "@/components/api-docs/api-intro";
import { OperationCard } from "@/components/api-docs/operation-card";
import { SchemaList } from "@/components/api-docs/schema-list";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/guard";
import { openApiDocument } from "@/lib/api/v1/openapi";
import { apiBaseUrl } from "@/lib/api/v1/openapi-base-url";

export const metadata: Metadata = { title: "API reference" };

// Rendered on the server from the OpenAPI document: the browser gets HTML (collapsing is native details/summary),
// not the document.
export default async function ApiDocsPage() {
  await requirePageActor();
  const baseUrl = await apiBaseUrl();
  const document = openApiDocument(baseUrl);
  const groups = operationsByTag(document);
  return (
    <div className="max-w-4xl min-w-0 space-y-6">
      <PageHeader title="API reference" />
      <ApiIntro baseUrl={baseUrl} />
      <ApiContents groups={groups} />
      {groups.map(({ tag, description, operations }) => (
        <section key={tag} id={tagAnchor(tag)} aria-labelledby={`${tagAnchor(tag)}-title`} className="scroll-mt-4 space-y-4">
          <div className="rounded-lg bg-white px-4 py-3 dark:bg-slate-900">
            <h2 id={`${tagAnchor(tag)}-title`} className="text-lg font-semibold text-slate-900 dark:text-slate-100">
              {tag}
            </h2>
            {description ? <p className="text-sm text-slate-700 dark:text-slate-300">{description}</p> : null}
          </div>
          {operations.map(({ method, path, operation }) => (
            <OperationCard key={`${method} ${path}`} method={method} path={path} operation={operation} document={document} baseUrl={baseUrl} />
          ))}
        </section>
      ))}
      <SchemaList document={document} />
    </div>
  );
}
