import type { Metadata } from "next";
import { StatusPage } from "@/components/shell/status-page";
import { currentActor } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "No access" };

/** A page the signed-in role may not open (status 403), inside the console so the way on is at hand. */
export default async function Forbidden() {
  return (
    <StatusPage actor={await currentActor()} code="403" title="You don't have access to this page">
      Your role does not include the permission this page needs. An owner or admin can change your role.
    </StatusPage>
  );
}
