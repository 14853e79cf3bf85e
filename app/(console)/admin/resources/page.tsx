import type { Metadata } from "next";
import { ResourceTypeDialog } from "@/components/resources/resource-type-dialog";
import { ResourceTypeSection } from "@/components/resources/resource-type-section";
import { PageHeader } from "@/components/ui/page-header";
import { requirePageActor } from "@/lib/auth/guard";
import { findResourceCatalog } from "@/lib/resources/find-resources";

export const metadata: Metadata = { title: "Resources" };

export default async function ResourcesPage() {
  await requirePageActor("access.manage");
  const types = await findResourceCatalog();

  return (
    <div className="space-y-6">
      <PageHeader
        title="Resources"
        description="Resources of your other services, by type. Each type has its own roles, from least to most privileged; a service account's detail page grants it one of them on a resource."
        actions={<ResourceTypeDialog />}
      />
      {types.map((type) => (
        <ResourceTypeSection key={type.id} type={type} />
      ))}
    </div>
  );
}
