"use client";
import { useRouter } from "next/navigation";
import { useState } from "react";

/**
 * The state of a dialog that ends in the copy-once reveal (create, regenerate, add token, rotate). Closing the
 * reveal, however it is closed, is "Done": the value is forgotten, then the page shows the new state.
 * `controlled`: a dialog opened from a menu passes its own open state.
 */
export function useRevealDialog<T>(controlled?: { open: boolean; onOpenChange: (open: boolean) => void }) {
  const router = useRouter();
  const [ownOpen, setOwnOpen] = useState(false);
  const [revealed, setRevealed] = useState<T | null>(null);
  const onOpenChange = (next: boolean) => {
    (controlled?.onOpenChange ?? setOwnOpen)(next);
    if (next || !revealed) return;
    setRevealed(null);
    router.refresh();
  };
  return { open: controlled?.open ?? ownOpen, onOpenChange, revealed, setRevealed };
}
