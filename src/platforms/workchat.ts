import type { Config } from "../config.ts";
import type { ChatAdapter } from "../core/messages.ts";
import type { Logger } from "../log.ts";

/**
 * The work-chat platforms the environment configures (WeCom, DingTalk, Feishu), any of them beside the others in one
 * process; each SDK loads only when its platform is configured.
 */
export async function workchatAdapters(config: Config, log: Logger): Promise<ChatAdapter[]> {
  const adapters: ChatAdapter[] = [];
  if (config.WECOM_BOT_ID && config.WECOM_BOT_SECRET) {
    const { WecomAdapter } = await import("./wecom/adapter.ts");
    adapters.push(new WecomAdapter({ botId: config.WECOM_BOT_ID, secret: config.WECOM_BOT_SECRET, wsUrl: config.WECOM_WS_URL, log }));
  }
  if (config.DINGTALK_CLIENT_ID && config.DINGTALK_CLIENT_SECRET) {
    const { DingtalkAdapter } = await import("./dingtalk/adapter.ts");
    adapters.push(
      new DingtalkAdapter({
        clientId: config.DINGTALK_CLIENT_ID,
        clientSecret: config.DINGTALK_CLIENT_SECRET,
        robotCode: config.DINGTALK_ROBOT_CODE,
        apiUrl: config.DINGTALK_API_URL,
        oapiUrl: config.DINGTALK_OAPI_URL,
        log,
      }),
    );
  }
  if (config.FEISHU_APP_ID && config.FEISHU_APP_SECRET) {
    const { FeishuAdapter } = await import("./feishu/adapter.ts");
    adapters.push(new FeishuAdapter({ appId: config.FEISHU_APP_ID, appSecret: config.FEISHU_APP_SECRET, domain: config.FEISHU_DOMAIN, log }));
  }
  return adapters;
}
