import type { Metadata } from "next";
import { NOT_FOUND_TEXT, StatusPage } from "@/components/shell/status-page";
import { currentActor } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Page not found" };

/** An address no route answers (status 404): inside the console when signed in. */
export default async function NotFound() {
  return (
    <StatusPage actor={await currentActor()} code="404" title="Page not found">
      {NOT_FOUND_TEXT}
    </StatusPage>
  );
}
