import type { Attachment, IncomingMessage } from "../../core/messages.ts";

export const WECOM = "wecom";

/** The parts of an `aibot_msg_callback` body the bot reads (the SDK's `BaseMessage`). */
export interface WecomBody {
  msgid: string;
  chatid?: string;
  chattype: "single" | "group";
  from: { userid: string };
  msgtype: string;
  text?: { content: string };
  image?: { url: string; aeskey?: string };
  file?: { url: string; aeskey?: string };
  mixed?: { msg_item: { msgtype: "text" | "image"; text?: { content: string }; image?: { url: string; aeskey?: string } }[] };
}

/** Downloads and decrypts a file WeCom holds (the SDK's `downloadFile`). */
export type WecomDownload = (url: string, aeskey?: string) => Promise<{ buffer: Buffer; filename?: string }>;

/** `@隐患哨兵 报隐患 …` → `报隐患 …`: WeCom delivers only messages that @-mention the bot in a group, the mention first. */
export function withoutMention(text: string): string {
  return text.replace(/^@\S+[\s\u2005]*/, "");
}

/**
 * A WeCom callback as the core's neutral message, or null for what the core does not take. Pure apart from
 * `download`, which runs only when the core fetches an attachment. WeCom gives no display name: the userid stands in.
 */
export function toIncoming(b: WecomBody, download?: WecomDownload): IncomingMessage | null {
  if (!b?.from?.userid || !b.msgid) return null;
  const group = b.chattype === "group";
  if (group && !b.chatid) return null;
  const attachments: Attachment[] = [];
  const attach = (kind: Attachment["kind"], media: { url: string; aeskey?: string }) => {
    const att: Attachment = {
      kind,
      ref: media.url,
      ...(download
        ? {
            fetch: async () => {
              const { buffer, filename } = await download(media.url, media.aeskey);
              if (filename && !att.name) att.name = filename;
              return new Uint8Array(buffer);
            },
          }
        : {}),
    };
    attachments.push(att);
  };
  let text = "";
  let unsupported: IncomingMessage["unsupported"];
  switch (b.msgtype) {
    case "text":
      text = b.text?.content ?? "";
      break;
    case "image":
      if (b.image) attach("photo", b.image);
      break;
    case "file":
      if (b.file) attach("document", b.file);
      break;
    case "mixed":
      for (const item of b.mixed?.msg_item ?? []) {
        if (item.msgtype === "text") text += item.text?.content ?? "";
        else if (item.image) attach("photo", item.image);
      }
      break;
    case "voice":
      unsupported = "voice";
      break;
    case "video":
      unsupported = "video";
      break;
    default:
      unsupported = "other";
  }
  text = (group ? withoutMention(text.trim()) : text).trim();
  if (!text && attachments.length === 0 && !unsupported) return null;
  return {
    platform: WECOM,
    chatId: group ? b.chatid! : b.from.userid,
    chatType: group ? "group" : "private",
    messageId: b.msgid,
    sender: { id: b.from.userid, name: b.from.userid },
    text,
    attachments,
    ...(unsupported ? { unsupported } : {}),
  };
}
