"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode, type RefObject } from "react";
import { toast } from "@/components/ui/toast";
import type { ActionResult } from "@/lib/errors";
import { Button } from "./button";
import { Dialog } from "./dialog";
import { FormError } from "./form-error";

type ConfirmDialogProps<T = unknown> = {
  /** See Dialog: the menu trigger a dialog opened from a menu gives focus back to. */
  returnFocusTo?: RefObject<HTMLElement | null>;
  open: boolean;
  onOpenChange: (open: boolean) => void;
  title: string;
  description: string;
  /** The danger button: "Yes, delete". */
  confirmLabel: string;
  /** The server action to run on confirm. A failure stays in the dialog, shown above the buttons. */
  action: () => Promise<ActionResult<T>>;
  /** The toast once the action succeeded (from its result; null: no toast). */
  successMessage: string | ((data: T) => string | null);
  /** After success and closing; default: refresh the page in place. */
  afterSuccess?: (data: T) => void;
  /** What the action will touch, shown above the buttons (e.g. the tokens a bulk revoke names). */
  children?: ReactNode;
};

/** "Are you sure?" for a destructive action: Cancel, or the danger button that runs it. */
export function ConfirmDialog<T>({ open, onOpenChange, title, description, returnFocusTo, ...body }: ConfirmDialogProps<T>) {
  return (
    <Dialog open={open} onOpenChange={onOpenChange} title={title} description={description} returnFocusTo={returnFocusTo}>
      <ConfirmBody {...body} onDone={() => onOpenChange(false)} />
    </Dialog>
  );
}

// Mounted on open (Radix unmounts closed content), so each opening starts without an old error.
function ConfirmBody<T>({
  confirmLabel,
  action,
  successMessage,
  afterSuccess,
  children,
  onDone,
}: Pick<ConfirmDialogProps<T>, "confirmLabel" | "action" | "successMessage" | "afterSuccess" | "children"> & { onDone: () => void }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  const confirm = () => {
    setError(null);
    startTransition(async () => {
      const result = await action();
      if (!result.ok) {
        setError(result.error.message);
        return;
      }
      const message = typeof successMessage === "string" ? successMessage : successMessage(result.data);
      if (message) toast.success(message);
      onDone();
      if (afterSuccess) afterSuccess(result.data);
      else router.refresh();
    });
  };

  return (
    <div className="space-y-4">
      {children}
      <FormError message={error} />
      <div className="flex justify-end gap-2">
        <Button variant="secondary" onClick={onDone}>
          Cancel
        </Button>
        <Button variant="danger" onClick={confirm} disabled={pending}>
          {confirmLabel}
        </Button>
      </div>
    </div>
  );
}
