import { createDesk, DEMO_CREDENTIALS, type DeskOptions, type ToolId } from '../../../demo/desk';

const basic = (user: string, pass: string) => `Basic ${Buffer.from(`${user}:${pass}`).toString('base64')}`;

export const AUTH: Record<ToolId, string> = {
  zendesk: basic(`${DEMO_CREDENTIALS.zendesk.email}/token`, DEMO_CREDENTIALS.zendesk.apiToken),
  freshdesk: basic(DEMO_CREDENTIALS.freshdesk.apiKey, 'X'),
  helpscout: `Bearer ${DEMO_CREDENTIALS.helpscout.accessToken}`,
  gmail: `Bearer ${DEMO_CREDENTIALS.gmail.accessToken}`,
  front: `Bearer ${DEMO_CREDENTIALS.front.apiToken}`,
  intercom: `Bearer ${DEMO_CREDENTIALS.intercom.accessToken}`,
};

/** A desk with a controllable clock and a small JSON client per tool. */
export function testDesk(opts: DeskOptions = {}) {
  let t = Date.UTC(2026, 10, 28, 12);
  const desk = createDesk({ now: () => t, ...opts });
  const call = async (
    tool: ToolId,
    method: string,
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) => {
    const res = await desk.deskFetch(url, {
      method,
      headers: {
        authorization: AUTH[tool],
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    const json: any = text ? JSON.parse(text) : undefined;
    return { status: res.status, headers: res.headers, json };
  };
  return {
    desk,
    call,
    advance: (ms: number) => (t += ms),
    now: () => t,
  };
}
