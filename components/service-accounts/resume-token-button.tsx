"use client";
import { useRouter } from "next/navigation";
import { useRef, useTransition } from "react";
import { toast } from "sonner";
import { Button } from "@/components/ui/button";
import { resumeTokenAction } from "@/lib/service-accounts/actions";

/**
 * Resume a token the stale-token policy suspended (detail page): at once, since it only gives back access the
 * token had. The button goes away with the suspension, so focus moves to the tokens table it was in.
 */
export function ResumeTokenButton({ token }: { token: { id: string; hint: string; name?: string } }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const button = useRef<HTMLButtonElement>(null);
  const resume = () =>
    startTransition(async () => {
      const result = await resumeTokenAction({ tokenId: token.id });
      if (!result.ok) return void toast.error(result.error.message);
      toast.success(`Token ${token.hint} resumed`);
      button.current?.closest<HTMLElement>("[role=region]")?.focus();
      router.refresh();
    });
  return (
    <Button ref={button} variant="secondary" size="sm" disabled={pending} onClick={resume} aria-label={token.name ? `Resume token ${token.hint} (${token.name})` : `Resume token ${token.hint}`}>
      Resume
    </Button>
  );
}
