// The `email` queue's handler: one notice, sent by SMTP or skipped (email off, recipient disabled, kind turned
// off). The SMTP conversation happens outside any transaction; only then is the notice marked sent and the
// send audited, in a short transaction (the audit chain's lock is never held across network I/O). A send that
// throws is retried by the queue (lib/jobs/queues.ts).
import { z } from "zod";
import { userDisplayName } from "@/lib/auth/actor";
import { audit } from "@/lib/audit/audit";
import { env } from "@/lib/config/env";
import { db } from "@/lib/db/client";
import { jobMeta } from "@/lib/jobs/job-meta";
import type { NoticeKind } from "@/lib/notifications/notify";
import { skipReason } from "@/lib/notifications/preferences";
import { composeNoticeEmail } from "./notice-email";
import { mailEnabled, mailTransport } from "./transport";

const emailJobSchema = z.object({ notificationId: z.uuid() });

export async function sendNotification(data: unknown, job: { id: string }): Promise<void> {
  const { notificationId } = emailJobSchema.parse(data);
  const notice = await db.notification.findUnique({
    where: { id: notificationId },
    include: { user: { select: { id: true, name: true, email: true, status: true, notificationPreferences: true } } },
  });
  // Gone (its user deleted) or already done (a retry after the send was recorded).
  if (!notice || notice.sentAt || notice.skippedAt) return;
  const kind = notice.kind as NoticeKind;
  const token = notice.tokenId
    ? await db.apiToken.findUnique({
        where: { id: notice.tokenId },
        select: { name: true, hint: true, expiresAt: true, revokedAt: true, serviceAccount: { select: { id: true, name: true, role: true } } },
      })
    : null;
  const reason = skipReason({
    emailOn: mailEnabled(),
    recipientActive: notice.user.status === "ACTIVE",
    kind,
    turnedOff: notice.user.notificationPreferences.some((p) => p.kind === kind && !p.enabled),
    accountRole: token?.serviceAccount.role ?? null,
  });
  if (reason) {
    await db.notification.updateMany({ where: { id: notice.id, sentAt: null, skippedAt: null }, data: { skippedAt: new Date(), skipReason: reason } });
    return;
  }
  const { KEYHOLD_MAIL_FROM: from, KEYHOLD_PUBLIC_URL: publicUrl } = env();
  const email = composeNoticeEmail({
    kind,
    data: (notice.data ?? {}) as Record<string, unknown>,
    recipient: notice.user,
    token,
    account: token?.serviceAccount ?? null,
    publicUrl,
    now: new Date(),
  });
  const to = { name: notice.user.name, address: notice.user.email };
  await mailTransport().sendMail({ from, to, subject: email.subject, text: email.text, html: email.html, headers: { "X-Keyhold-Notice": notice.id } });
  await db.$transaction(async (tx) => {
    const { count } = await tx.notification.updateMany({ where: { id: notice.id, sentAt: null }, data: { sentAt: new Date() } });
    if (count === 0) return;
    await audit(tx, jobMeta(job.id), {
      action: "notification.sent",
      actor: { type: "SYSTEM", name: "Email notices" },
      target: { type: "user", id: notice.user.id, name: userDisplayName(notice.user) },
      metadata: { notificationId: notice.id, kind, tokenId: notice.tokenId, recipient: notice.user.email },
    });
  });
}
