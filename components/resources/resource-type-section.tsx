"use client";
import { ArchiveToggle } from "@/components/ui/archive-toggle";
import { Badge } from "@/components/ui/badge";
import { SimpleTable } from "@/components/ui/simple-table";
import { setResourceArchivedAction } from "@/lib/resources/actions";
import type { ResourceCatalog } from "@/lib/resources/find-resources";
import { AddResourceDialog } from "./add-resource-dialog";
import { ResourceTypeDialog } from "./resource-type-dialog";

const ARCHIVING = "It can get no new grants, and the grants on it grant nothing until it is unarchived (they are kept).";

/** One resource type: its ordered roles, and its resources with Archive/Unarchive. */
export function ResourceTypeSection({ type }: { type: ResourceCatalog[number] }) {
  const headingId = `type-${type.id}-heading`;
  return (
    <section aria-labelledby={headingId} className="space-y-3 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0 space-y-2">
          <h2 id={headingId} className="font-mono text-lg font-semibold text-slate-900">
            {type.name}
          </h2>
          <ol aria-label={`Roles of ${type.name}, least to most privileged`} className="flex flex-wrap items-center gap-1.5">
            {type.roles.map((role) => (
              <li key={role}>
                <Badge tone="indigo">{role}</Badge>
              </li>
            ))}
          </ol>
        </div>
        <div className="flex flex-wrap gap-2">
          <ResourceTypeDialog type={type} />
          <AddResourceDialog type={type.name} />
        </div>
      </div>
      <SimpleTable
        label={`Resources of type ${type.name}`}
        headers={["Resource", "Status", "Grants", ""]}
        empty="No resources of this type yet."
        rows={type.resources.map((resource) => ({
          key: resource.id,
          cells: [
            <span key="n" className="font-mono text-slate-900">{resource.name}</span>,
            resource.archived ? <Badge tone="gray">Archived</Badge> : <Badge tone="green">Active</Badge>,
            <span key="g" className="tabular-nums">{resource.grants}</span>,
            <div key="a" className="flex justify-end">
              <ArchiveToggle
                name={`${type.name} ${resource.name}`}
                archived={resource.archived}
                consequence={ARCHIVING}
                setArchived={(archived) => setResourceArchivedAction({ id: resource.id, archived })}
              />
            </div>,
          ],
        }))}
      />
    </section>
  );
}
