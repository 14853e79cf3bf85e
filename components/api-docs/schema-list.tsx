import type { OpenAPIObject } from "openapi3-ts/oas31";
import { CodeBlock } from "./code-block";
import { Disclosure } from "./disclosure";
import { schemaAnchor } from "./schema-block";

/** The document's named schemas (what operations' schemas refer to), each collapsed under its name. */
export function SchemaList({ document }: { document: OpenAPIObject }) {
  const schemas = Object.entries(document.components?.schemas ?? {});
  return (
    <section aria-labelledby="schemas-title" className="rounded-lg border border-slate-200 bg-white p-4 wrap-anywhere sm:p-5 dark:border-slate-700 dark:bg-slate-900">
      <h2 id="schemas-title" className="text-lg font-semibold text-slate-900 dark:text-slate-100">
        Schemas
      </h2>
      <ul className="mt-2 space-y-2">
        {schemas.map(([name, schema]) => (
          <li key={name} id={schemaAnchor(name)} className="scroll-mt-4">
            <Disclosure summary={<span className="font-mono">{name}</span>}>
              <CodeBlock label={`Schema ${name}`} code={JSON.stringify(schema, null, 2)} />
            </Disclosure>
          </li>
        ))}
      </ul>
    </section>
  );
}
