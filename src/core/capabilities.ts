/**
 * What each platform lets the bot do, declared once per platform, so the core asks a capability where it matters and
 * never a platform's name (DESIGN.md, architecture). Each adapter exposes its own entry as `capabilities`; a platform
 * not listed here (a test's) gets the console's.
 */
export interface Capabilities {
  /**
   * What becomes of a tip someone posts in a group: `bot` — the bot removes it where it is allowed to (an admin on
   * Telegram, the group's owner or admin on Feishu); `sender` — only its sender can, by recalling it within two minutes
   * (WeChat); `none` — the bot cannot (WeCom has no recall for bots, a DingTalk robot recalls only what it sent), so it
   * says so and asks the sender to recall it. In every case the bot never quotes it.
   */
  groupTipRemoval: "bot" | "sender" | "none";
  /** Whether photos and files people send in a group reach the bot (WeCom delivers them only in 1:1 chats). */
  groupFiles: boolean;
  /** Whether the bot hears only the group messages that @-mention it (WeCom, DingTalk, Feishu by default). */
  mentionOnly: boolean;
  /** The chat id of the private chat with a person, from their platform id. */
  privateChat(userId: string): string;
  /** Whether a message the bot starts in a private chat reaches only someone who has written to it there first. */
  privateNeedsContact: boolean;
  /** The longest text one message holds; adapters send a longer one in parts. */
  maxText: number;
}

const own = (userId: string): string => userId;

const TABLE: Record<string, Capabilities> = {
  console: { groupTipRemoval: "bot", groupFiles: true, mentionOnly: false, privateChat: (u) => `dm:${u}`, privateNeedsContact: false, maxText: 100_000 },
  telegram: { groupTipRemoval: "bot", groupFiles: true, mentionOnly: false, privateChat: own, privateNeedsContact: false, maxText: 4096 },
  wechat: { groupTipRemoval: "sender", groupFiles: true, mentionOnly: false, privateChat: own, privateNeedsContact: false, maxText: 2000 },
  // 智能机器人, long connection: @-mentions only in groups, images and files in 1:1 chats only, no recall of anything;
  // a proactive 1:1 message (aibot_send_msg) reaches only someone who has opened the chat with the bot.
  wecom: { groupTipRemoval: "none", groupFiles: false, mentionOnly: true, privateChat: own, privateNeedsContact: true, maxText: 4000 },
  // Stream mode: @-mentions only in groups; a robot recalls only what it sent; 1:1 messages by staff id reach anyone
  // in the app's visible range.
  dingtalk: { groupTipRemoval: "none", groupFiles: true, mentionOnly: true, privateChat: own, privateNeedsContact: false, maxText: 5000 },
  // Long connection: @-mentions only unless im:message.group_msg is granted; the group's owner or admin bot may recall
  // a member's message; 1:1 messages by open_id reach anyone in the app's availability range.
  feishu: { groupTipRemoval: "bot", groupFiles: true, mentionOnly: true, privateChat: own, privateNeedsContact: false, maxText: 4000 },
};

/** The capabilities of a platform by its name (`IncomingMessage.platform`). */
export function capabilitiesOf(platform: string): Capabilities {
  return TABLE[platform] ?? TABLE.console!;
}

/** What the bot answers a tip posted in a group: the words fit who can remove it. */
export function groupTipPrompt(platform: string): "tip-in-group" | "tip-in-group-recall" | "tip-in-group-kept" {
  const removal = capabilitiesOf(platform).groupTipRemoval;
  return removal === "bot" ? "tip-in-group" : removal === "sender" ? "tip-in-group-recall" : "tip-in-group-kept";
}
