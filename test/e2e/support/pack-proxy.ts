// For Firefox: the extension's background fetches packs itself, and WebDriver BiDi's request
// interception does not see an extension's own requests. So Firefox is pointed (by preference, in
// the parent process) at this local HTTPS proxy, which terminates TLS with a throwaway
// self-signed certificate (certificate checks are switched off in that test browser, as
// WebDriver's acceptInsecureCerts does) and answers from a PackServer. Nothing leaves the machine:
// a host the server does not hold gets 404.

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { FirefoxParent } from './firefox-parent';
import type { PackServer } from './pack-server';

export interface PackProxy {
  port: number;
  close(): Promise<void>;
}

function throwawayCertificate(): { key: Buffer; cert: Buffer } {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'sf-proxy-'));
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '1', '-subj', '/CN=sound-familiar-test',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem')], { stdio: 'ignore' });
  return { key: readFileSync(path.join(dir, 'key.pem')), cert: readFileSync(path.join(dir, 'cert.pem')) };
}

export async function startPackProxy(server: PackServer): Promise<PackProxy> {
  const tls = https.createServer(throwawayCertificate(), (req, res) => {
    const url = `https://${req.headers.host ?? ''}${req.url ?? '/'}`;
    const ifNoneMatch = typeof req.headers['if-none-match'] === 'string' ? req.headers['if-none-match'] : null;
    const answer = server.respond(url, ifNoneMatch);
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
  });
  const proxy = http.createServer((_req, res) => {
    res.writeHead(405);
    res.end();
  });
  const sockets = new Set<net.Socket>();
  proxy.on('connect', (_req, socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
    tls.emit('connection', socket);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  const { port } = proxy.address() as net.AddressInfo;
  return {
    port,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      proxy.close(() => resolve());
    }),
  };
}

/** Sends Firefox's https traffic (not already answered by the page interception) through `proxy`. */
export async function useProxy(parent: FirefoxParent, proxy: PackProxy): Promise<void> {
  await parent.evaluate(`(() => {
    Services.prefs.setIntPref('network.proxy.type', 1);
    Services.prefs.setStringPref('network.proxy.ssl', '127.0.0.1');
    Services.prefs.setIntPref('network.proxy.ssl_port', ${proxy.port});
    Services.prefs.setBoolPref('network.proxy.share_proxy_settings', false);
    Cc['@mozilla.org/security/certoverride;1'].getService(Ci.nsICertOverrideService).setDisableAllSecurityChecksAndLetAttackersInterceptMyData(true);
    return true;
  })()`);
}
