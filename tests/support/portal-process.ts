import { spawn, type ChildProcess } from "node:child_process";
import { PROJECT_ROOT } from "@/lib/project-root";
import { formFields } from "./html-form";

/**
 * A production instance (`npm start`: the build in dist/) in a child process, for the benches and the operations tests;
 * `cwd` runs another checkout's build (the weight bench compares two).
 */
export interface PortalProcess {
  url: string;
  child: ChildProcess;
  /** Every line the instance wrote on stdout and stderr so far (JSON log lines, mostly). */
  output: string[];
  exited: Promise<number | null>;
  /** Sends the signal and waits for the process to end; returns its exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

export async function startPortalProcess(options: {
  port: number;
  env: Record<string, string | undefined>;
  cwd?: string;
}): Promise<PortalProcess> {
  const child = spawn(process.execPath, ["dist/server/start.js"], {
    cwd: options.cwd ?? PROJECT_ROOT,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1", HOST: "127.0.0.1", PORT: String(options.port), ...options.env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const output: string[] = [];
  for (const stream of [child.stdout!, child.stderr!]) {
    let rest = "";
    stream.setEncoding("utf8");
    stream.on("data", (chunk: string) => {
      const lines = (rest + chunk).split("\n");
      rest = lines.pop()!;
      output.push(...lines);
    });
  }
  // An instance must not outlive the test or bench that started it, whatever way that one ends.
  const orphanGuard = () => child.kill("SIGKILL");
  process.once("exit", orphanGuard);
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      process.off("exit", orphanGuard);
      resolve(code);
    }),
  );
  const url = `http://127.0.0.1:${options.port}`;
  const portal: PortalProcess = {
    url,
    child,
    output,
    exited,
    async stop(signal = "SIGTERM") {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
  const ready = await Promise.race([waitForHealthy(url).then(() => true), exited.then(() => false)]);
  if (!ready) throw new Error(`El portal no arrancó:\n${output.join("\n")}`);
  return portal;
}

export async function waitForHealthy(url: string, timeoutMs = 90_000) {
  const start = Date.now();
  while (Date.now() - start < timeoutMs) {
    try {
      if ((await fetch(`${url}/api/health`)).status === 200) return;
    } catch {}
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`${url} no respondió en ${timeoutMs / 1000} s`);
}

/** Signs in through the sign-in form, posted as a browser without JavaScript would; returns the cookie header. */
export async function signInOverHttp(base: string, email: string, password: string, headers: Record<string, string> = {}): Promise<string> {
  const jar = new Map<string, string>();
  const keep = (response: Response) => {
    for (const cookie of response.headers.getSetCookie()) {
      const [pair] = cookie.split(";");
      const index = pair!.indexOf("=");
      jar.set(pair!.slice(0, index), pair!.slice(index + 1));
    }
  };
  const header = () => [...jar].map(([k, v]) => `${k}=${v}`).join("; ");
  const page = await fetch(`${base}/login`, { headers });
  keep(page);
  const fields = formFields(await page.text(), "sign-in-form");
  fields.set("email", email);
  fields.set("password", password);
  const body = new FormData();
  for (const [name, value] of fields) body.append(name, value);
  const response = await fetch(`${base}/login`, { method: "POST", headers: { ...headers, cookie: header() }, body, redirect: "manual" });
  keep(response);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token"))) {
    throw new Error(`No se pudo ingresar como ${email} (HTTP ${response.status})`);
  }
  return header();
}

/** next-auth's sign-out over plain HTTP, as a browser sends it: the CSRF token with its cookie. */
export async function signOutOverHttp(base: string, cookie: string): Promise<Response> {
  const csrf = await fetch(`${base}/api/auth/csrf`, { headers: { cookie } });
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const csrfCookie = csrf.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  return fetch(`${base}/api/auth/signout`, {
    method: "POST",
    headers: { cookie: [cookie, csrfCookie].filter(Boolean).join("; "), "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ csrfToken, json: "true" }),
    redirect: "manual",
  });
}
