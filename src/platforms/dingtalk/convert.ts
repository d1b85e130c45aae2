import type { Attachment, IncomingMessage } from "../../core/messages.ts";

export const DINGTALK = "dingtalk";

/** The parts of a robot message (topic `/v1.0/im/bot/messages/get`) the bot reads. */
export interface DingtalkBody {
  msgId: string;
  conversationId: string;
  conversationType: string;
  conversationTitle?: string;
  senderStaffId?: string;
  senderNick?: string;
  robotCode?: string;
  msgtype: string;
  text?: { content: string };
  content?: {
    downloadCode?: string;
    fileName?: string;
    richText?: { text?: string; downloadCode?: string; type?: string }[];
  };
}

/** Downloads a file DingTalk holds by its `downloadCode` (the adapter's: `messageFiles/download`, then the URL). */
export type DingtalkDownload = (downloadCode: string) => Promise<Uint8Array>;

/** DingTalk delivers a group message that @-mentions the robot with the mention mostly taken out: what is left goes. */
export function withoutMention(text: string): string {
  return text.trim().replace(/^@\S+[\s\u2005]*/, "").trim();
}

/**
 * A robot message as the core's neutral message, or null for what the core does not take. A 1:1 chat is addressed by
 * the person's staff id (that is how the bot writes to them: `oToMessages/batchSend`), a group by its conversation id.
 */
export function toIncoming(b: DingtalkBody, download?: DingtalkDownload): IncomingMessage | null {
  if (!b?.msgId || !b.senderStaffId) return null;
  const group = b.conversationType === "2";
  const attachments: Attachment[] = [];
  const attach = (kind: Attachment["kind"], code: string, name?: string) =>
    attachments.push({ kind, ref: code, ...(name ? { name } : {}), ...(download ? { fetch: () => download(code) } : {}) });
  let text = "";
  let unsupported: IncomingMessage["unsupported"];
  switch (b.msgtype) {
    case "text":
      text = b.text?.content ?? "";
      break;
    case "picture":
      if (b.content?.downloadCode) attach("photo", b.content.downloadCode);
      break;
    case "file":
      if (b.content?.downloadCode) attach("document", b.content.downloadCode, b.content.fileName);
      break;
    case "richText":
      for (const part of b.content?.richText ?? []) {
        if (part.text) text += part.text;
        else if (part.downloadCode) attach("photo", part.downloadCode);
      }
      break;
    case "audio":
      unsupported = "voice";
      break;
    case "video":
      unsupported = "video";
      break;
    default:
      unsupported = "other";
  }
  text = group ? withoutMention(text) : text.trim();
  if (!text && attachments.length === 0 && !unsupported) return null;
  return {
    platform: DINGTALK,
    chatId: group ? b.conversationId : b.senderStaffId,
    chatType: group ? "group" : "private",
    ...(group && b.conversationTitle ? { chatTitle: b.conversationTitle } : {}),
    messageId: b.msgId,
    sender: { id: b.senderStaffId, name: b.senderNick || b.senderStaffId },
    text,
    attachments,
    ...(unsupported ? { unsupported } : {}),
  };
}
