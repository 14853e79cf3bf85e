"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import type { ScopeChoice } from "@/lib/service-accounts/find-scope-choices";

/** Full access of the role, or a choice among the scopes the actor may give. */
export function ScopesField({
  choices,
  chooses,
  error,
  access,
  scopes,
}: {
  choices: readonly ScopeChoice[];
  chooses: boolean;
  error?: string;
  access: UseFormRegisterReturn;
  scopes: UseFormRegisterReturn;
}) {
  return (
    <fieldset className="space-y-2" aria-describedby={error ? "token-scopes-error" : undefined}>
      <legend className="text-sm font-medium text-slate-700">Scopes</legend>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="radio" value="full" className="accent-indigo-600" {...access} />
        Full access of the role
      </label>
      <label className="flex items-center gap-2 text-sm text-slate-700">
        <input type="radio" value="scopes" className="accent-indigo-600" {...access} />
        Only these scopes
      </label>
      {chooses ? (
        <ul className="max-h-48 space-y-1.5 overflow-y-auto rounded-md border border-slate-200 p-2">
          {choices.map((choice) => (
            <li key={choice.name}>
              <label className="flex items-start gap-2 text-sm text-slate-700">
                <input type="checkbox" value={choice.name} className="mt-0.5 accent-indigo-600" {...scopes} />
                <span className="min-w-0">
                  <span className="font-mono text-slate-900">{choice.name}</span>
                  {choice.custom ? <span className="ml-1.5 text-xs text-slate-500">(custom)</span> : null}
                  {choice.description ? <span className="block text-xs text-slate-500">{choice.description}</span> : null}
                </span>
              </label>
            </li>
          ))}
        </ul>
      ) : null}
      {error ? (
        <p id="token-scopes-error" role="alert" className="text-sm text-red-600">
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
