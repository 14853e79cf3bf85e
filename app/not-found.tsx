import type { Metadata } from "next";
import { ConsoleShell } from "@/components/shell/console-shell";
import { NotFoundContent } from "@/components/shell/not-found-content";
import { currentActor } from "@/lib/auth/guard";

export const metadata: Metadata = { title: "Page not found" };

/** An address no route answers: the console around it when signed in, a plain page otherwise. Status 404. */
export default async function NotFound() {
  const actor = await currentActor();
  if (!actor) {
    return (
      <main id="content" className="px-4">
        <NotFoundContent signedIn={false} />
      </main>
    );
  }
  return (
    <ConsoleShell actor={actor}>
      <NotFoundContent signedIn />
    </ConsoleShell>
  );
}
