import { CodeBlock } from "./code-block";
import { Disclosure } from "./disclosure";

const REF = "#/components/schemas/";
/** Schemas up to this many lines are shown open; longer ones start collapsed. */
const SHORT = 14;

/** The names of the component schemas a schema refers to (directly), for links to the Schemas section. */
export function referencedSchemas(schema: unknown): string[] {
  const names = new Set<string>();
  JSON.stringify(schema, (key, value: unknown) => {
    if (key === "$ref" && typeof value === "string" && value.startsWith(REF)) names.add(value.slice(REF.length));
    return value;
  });
  return [...names];
}

export const schemaAnchor = (name: string) => `schema-${name}`;

/** A JSON Schema in a disclosure: "<title> schema", open when short, with links to the schemas it uses. */
export function SchemaBlock({ title, schema, label }: { title: string; schema: unknown; label: string }) {
  const text = JSON.stringify(schema, null, 2);
  const refs = referencedSchemas(schema);
  return (
    <Disclosure summary={`${title} (${text.split("\n").length} lines)`} open={text.split("\n").length <= SHORT}>
      <CodeBlock label={label} code={text} />
      {refs.length ? (
        <p className="mt-1 text-xs text-slate-600 dark:text-slate-300">
          Uses{" "}
          {refs.map((name, i) => (
            <span key={name}>
              {i ? ", " : null}
              <a className="font-mono text-indigo-700 underline dark:text-indigo-300" href={`#${schemaAnchor(name)}`}>
                {name}
              </a>
            </span>
          ))}
        </p>
      ) : null}
    </Disclosure>
  );
}
