import { readFileSync } from "node:fs";
import { gzipSync } from "node:zlib";
import autocannon from "autocannon";

/** What the benches measure and print, in one place so both print the same figures. */

const statFields = (pid: number) => readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ");

/** User plus system CPU time a process has used, in ms (Linux /proc; clock ticks of 10 ms). */
export function cpuMs(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/** The CPU time (ms) of the process's children that have ended and been waited for. */
export function endedChildrenCpuMs(pid: number): number {
  const fields = statFields(pid);
  return (Number(fields[13]) + Number(fields[14])) * 10;
}

export const parentPid = (pid: number) => Number(statFields(pid)[1]);

/** autocannon with 10 connections for `seconds`, and the CPU the process `pid` spent per request meanwhile. */
export async function measure(url: string, cookie: string, seconds: number, pid?: number) {
  const cpuBefore = pid === undefined ? 0 : cpuMs(pid);
  const result = await autocannon({ url, connections: 10, duration: seconds, headers: { cookie } });
  const requests = result.requests.total;
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    cpuPerRequest: pid === undefined || requests === 0 ? 0 : (cpuMs(pid) - cpuBefore) / requests,
  };
}

/** The median of a bench's repeated runs, the figure a noisy machine moves least. */
export function median(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Markdown table, the first column left-aligned and the figures right-aligned. */
export function table(header: string[], rows: string[][]) {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join(" | ")} |`;
  return [
    line(header),
    `|${widths.map((w, i) => (i === 0 ? "-".repeat(w + 2) : `${"-".repeat(w + 1)}:`)).join("|")}|`,
    ...rows.map(line),
  ].join("\n");
}

/** Scripts a page loads at first, as Next counts first-load JS: the nomodule polyfills are never fetched by a browser that runs modules. */
export async function firstLoadJs(base: string, cookie: string, page: string) {
  const html = await (await fetch(`${base}${page}`, { headers: { cookie } })).text();
  const tags = [...html.matchAll(/<script\b[^>]*>/g)].map((m) => m[0]).filter((tag) => !/\bnomodule\b/i.test(tag));
  const scripts = [...new Set(tags.flatMap((tag) => /\ssrc="([^"]+\.js)"/.exec(tag)?.[1] ?? []))];
  let raw = 0;
  let gzip = 0;
  for (const src of scripts) {
    const body = Buffer.from(await (await fetch(`${base}${src}`)).arrayBuffer());
    raw += body.length;
    gzip += gzipSync(body).length;
  }
  return { files: scripts.length, raw, gzip };
}

/**
 * A page's HTML split into what the browser lays out and the RSC payload Next
 * inlines for hydration (`self.__next_f.push(…)` scripts), in bytes.
 */
export function htmlWeight(html: string) {
  const total = Buffer.byteLength(html);
  const payload = [...html.matchAll(/<script\b[^>]*>self\.__next_f\.push\([\s\S]*?<\/script>/g)].reduce(
    (sum, m) => sum + Buffer.byteLength(m[0]),
    0,
  );
  return { total, payload, markup: total - payload, gzip: gzipSync(html).length };
}
