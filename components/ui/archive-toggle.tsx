"use client";
import { useRouter } from "next/navigation";
import { useRef, useState, useTransition } from "react";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/errors";
import { Button } from "./button";
import { ConfirmDialog } from "./confirm-dialog";

/**
 * Archive (after a confirmation saying what it does) or unarchive (at once) a catalog entry. One button whose
 * label changes, so focus stays on it either way.
 */
export function ArchiveToggle({
  name,
  archived,
  consequence,
  setArchived,
}: {
  name: string;
  archived: boolean;
  /** What archiving does, for the confirmation. */
  consequence: string;
  setArchived: (archived: boolean) => Promise<ActionResult<unknown>>;
}) {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [pending, startTransition] = useTransition();
  const button = useRef<HTMLButtonElement>(null);

  const unarchive = () =>
    startTransition(async () => {
      const result = await setArchived(false);
      if (!result.ok) return void toast.error(result.error.message);
      toast.success(`${name} unarchived`);
      router.refresh();
    });

  return (
    <>
      <Button ref={button} variant="secondary" size="sm" disabled={pending} onClick={archived ? unarchive : () => setConfirming(true)} aria-label={`${archived ? "Unarchive" : "Archive"} ${name}`}>
        {archived ? "Unarchive" : "Archive"}
      </Button>
      <ConfirmDialog
        open={confirming}
        returnFocusTo={button}
        onOpenChange={setConfirming}
        title={`Archive ${name}?`}
        description={consequence}
        confirmLabel="Archive"
        action={() => setArchived(true)}
        successMessage={`${name} archived`}
      />
    </>
  );
}
