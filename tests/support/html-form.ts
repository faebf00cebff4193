/**
 * Submits a server-rendered form the way a browser without JavaScript does
 * (React renders server-action forms with their hidden action fields), so tests
 * and the load bench drive edits over plain HTTP.
 */
const decode = (value: string) =>
  value
    .replace(/&quot;/g, '"')
    .replace(/&#x27;/g, "'")
    .replace(/&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");

const attribute = (tag: string, name: string) => {
  const match = tag.match(new RegExp(`\\s${name}="([^"]*)"`));
  return match ? decode(match[1]!) : undefined;
};

export function formFields(html: string, testId: string): Map<string, string> {
  const form = html.match(new RegExp(`<form[^>]*data-testid="${testId}"[\\s\\S]*?</form>`))?.[0];
  if (!form) throw new Error(`No hay formulario ${testId} en la página`);
  const fields = new Map<string, string>();
  for (const [tag] of form.matchAll(/<input\b[^>]*>/g)) {
    const name = attribute(tag, "name");
    const type = attribute(tag, "type");
    if (!name || ((type === "checkbox" || type === "radio") && !/\schecked=""/.test(tag))) continue;
    fields.set(name, attribute(tag, "value") ?? "");
  }
  for (const [, open, body] of form.matchAll(/<textarea\b([^>]*)>([\s\S]*?)<\/textarea>/g)) {
    const name = attribute(open!, "name");
    if (name) fields.set(name, decode(body!));
  }
  for (const [, open, body] of form.matchAll(/<select\b([^>]*)>([\s\S]*?)<\/select>/g)) {
    const name = attribute(open!, "name");
    const selected = body!.match(/<option[^>]*selected=""[^>]*>/)?.[0] ?? body!.match(/<option[^>]*>/)?.[0];
    if (name && selected) fields.set(name, attribute(selected, "value") ?? "");
  }
  return fields;
}

export async function submitForm(
  url: string,
  cookie: string,
  fields: Map<string, string>,
): Promise<{ status: number; html: string; setCookies: string[] }> {
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  const response = await fetch(url, { method: "POST", headers: { cookie }, body, redirect: "manual", signal: AbortSignal.timeout(30_000) });
  return { status: response.status, html: await response.text(), setCookies: response.headers.getSetCookie() };
}
