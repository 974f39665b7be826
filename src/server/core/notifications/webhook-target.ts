import dns from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP } from 'node:net';

// Addresses a webhook may not reach unless the system administrator allows the host: this machine, private and
// shared networks, link-local (cloud metadata at 169.254.169.254), multicast and the unspecified address. Without
// this, a webhook is a way to make the server post to, and read back from, services behind the firewall.
const BLOCKED = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['::1', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  BLOCKED.addSubnet(net, prefix, 'ipv6');

/** Whether an IP address is loopback, private, link-local or otherwise not a public internet address. */
export function isInternalAddress(address: string): boolean {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return BLOCKED.check(mapped[1], 'ipv4');
  const family = isIP(address);
  if (family === 4) return BLOCKED.check(address, 'ipv4');
  if (family === 6) return BLOCKED.check(address, 'ipv6');
  return true;
}

/** The host part of a URL as it is compared with the allowed list: lower case, IPv6 without brackets. */
export function hostOf(url: string): string {
  return new URL(url).hostname.toLowerCase().replace(/^\[|\]$/g, '');
}

/**
 * Whether a target is refused before any lookup: an internal IP literal or a `localhost` name, unless allowed.
 * Names that resolve to internal addresses are refused when the request connects (`postJson`).
 */
export function refusedTarget(url: string, allowedHosts: readonly string[]): boolean {
  const host = hostOf(url);
  if (allowedHosts.includes(host)) return false;
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  return isIP(host) !== 0 && isInternalAddress(host);
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | dns.LookupAddress[], family?: number) => void;

/** A DNS lookup that fails for internal addresses, so a name cannot be pointed inside after it was saved. */
function guardedLookup(hostname: string, options: dns.LookupOptions, callback: LookupCallback) {
  dns.lookup(hostname, { ...options, all: true }, (err, addresses) => {
    if (err) return callback(err, []);
    const list = addresses as dns.LookupAddress[];
    if (list.length === 0 || list.some((a) => isInternalAddress(a.address))) {
      const refused = Object.assign(new Error('internal address refused'), { code: 'EINTERNAL' });
      return callback(refused, []);
    }
    if (options.all) return callback(null, list);
    return callback(null, list[0].address, list[0].family);
  });
}

/** What came back: the HTTP status and the body (read up to 64 KiB), or a short error code. */
export type PostOutcome = { status: number; body: string } | { error: string };

/** Posts a JSON body with a time limit; internal targets are refused at connect time unless the host is allowed. */
export function postJson(url: string, payloadJson: string, allowedHosts: readonly string[], timeoutMs: number): Promise<PostOutcome> {
  if (refusedTarget(url, allowedHosts)) return Promise.resolve({ error: 'internal address refused' });
  const target = new URL(url);
  const allowed = allowedHosts.includes(hostOf(url));
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const req = client.request(
      target,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payloadJson) },
        timeout: timeoutMs,
        ...(allowed ? {} : { lookup: guardedLookup as never }),
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => {
          if (body.length < 65_536) body += chunk;
        });
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
        res.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code ?? err.name }));
      },
    );
    req.on('timeout', () => req.destroy(Object.assign(new Error('timeout'), { code: 'ETIMEDOUT' })));
    req.on('error', (err: NodeJS.ErrnoException) => resolve({ error: err.code === 'EINTERNAL' ? 'internal address refused' : (err.code ?? err.name) }));
    req.end(payloadJson);
  });
}
