import { capabilitiesOf } from "../capabilities.ts";
import type { Ctx } from "../context.ts";

/** The setting that records, per person (their row id), that they have written privately or were asked to. */
const contactKey = (userId: number): string => `private-contact:${userId}`;

/**
 * Where a message the bot starts in a private chat reaches only someone who has written there first
 * (`Capabilities.privateNeedsContact`), an official (anyone holding a grant, whom notices and reminders reach
 * privately) is asked once, in the group, to write to the bot privately, and told why. A private message in the
 * ordinary lane records that they have, so they are never asked; the anonymous lane records nothing.
 */
export async function askForPrivateContact(ctx: Ctx): Promise<void> {
  const { msg, user, repo } = ctx;
  if (!capabilitiesOf(msg.platform).privateNeedsContact || user.id === 0) return;
  if (msg.chatType === "private") {
    if (!(await repo.getSetting(contactKey(user.id)))) await repo.setSetting(contactKey(user.id), "written");
    return;
  }
  if (!user.grants?.length || (await repo.getSetting(contactKey(user.id)))) return;
  await repo.setSetting(contactKey(user.id), "asked");
  ctx.reply("workchat-write-first", { name: user.displayName });
}
