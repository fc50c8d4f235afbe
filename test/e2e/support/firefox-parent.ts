// Firefox's parent process, reached over the Remote Debugging Protocol the harness already opened
// (devtools.chrome.enabled), for what only the browser itself may do in a test: grant a host
// permission as the reader's "Allow" would, revoke one as the add-ons manager would, and read
// what the add-on holds. Never used to drive the extension's own pages.

import type { FirefoxHarness } from './firefox';
import type { RdpClient } from './firefox-rdp';

type Packet = Record<string, any>;

export class FirefoxParent {
  private readonly results = new Map<string, Packet>();
  private readonly waiting = new Map<string, (p: Packet) => void>();

  private constructor(private readonly rdp: RdpClient, private readonly consoleActor: string, private readonly addonId: string) {
    rdp.onEvent((p) => {
      if (p.type !== 'evaluationResult' || p.from !== consoleActor) return;
      const waiter = this.waiting.get(p.resultID);
      if (waiter) waiter(p);
      else this.results.set(p.resultID, p);
    });
  }

  static async attach(h: FirefoxHarness, addonId: string): Promise<FirefoxParent> {
    const rdp = (h.background as unknown as { rdp: RdpClient }).rdp;
    const { processDescriptor } = await rdp.request({ to: 'root', type: 'getProcess', id: 0 });
    const { process } = await rdp.request({ to: processDescriptor.actor as string, type: 'getTarget' });
    return new FirefoxParent(rdp, process.consoleActor as string, addonId);
  }

  /** Evaluates chrome-privileged JavaScript in the parent process; the value comes back through JSON. */
  async evaluate<T>(expression: string): Promise<T> {
    const text = `(async () => JSON.stringify({ value: await (${expression}) }))()`;
    const ack = await this.rdp.request({ to: this.consoleActor, type: 'evaluateJSAsync', text, mapped: { await: true } });
    const result = await this.result(ack.resultID as string);
    if (result.exceptionMessage || result.topLevelAwaitRejected) throw new Error(`parent evaluation failed: ${result.exceptionMessage ?? 'rejected'}`);
    let json = result.result;
    if (json && typeof json === 'object' && json.type === 'longString') {
      json = (await this.rdp.request({ to: json.actor, type: 'substring', start: 0, end: json.length })).substring;
    }
    return (JSON.parse(json as string) as { value: T }).value;
  }

  /** Grants the add-on a host permission, as the reader's "Allow" in the prompt would. */
  grantOrigin(pattern: string): Promise<unknown> {
    return this.permissions('add', pattern);
  }

  /** Revokes a host permission, as the reader can in the add-ons manager. */
  revokeOrigin(pattern: string): Promise<unknown> {
    return this.permissions('remove', pattern);
  }

  /**
   * Fires a keyboard command as Firefox does after its shortcut: the add-on's shortcut key element
   * calls `shortcuts.onCommand(name)`, which grants activeTab on the active tab and dispatches
   * `commands.onCommand` to the background's own listener. (Headless Firefox has no window-level
   * shortcut handling, so the keys themselves cannot be pressed.)
   */
  async dispatchCommand(name: 'next-mention' | 'previous-mention'): Promise<void> {
    await this.evaluate(`(() => {
      WebExtensionPolicy.getByID(${JSON.stringify(this.addonId)}).extension.shortcuts.onCommand(${JSON.stringify(name)});
      return true;
    })()`);
  }

  /** A PNG of what the add-on's tab `tabId` (a tabs API id) shows, drawn by the parent process. */
  async snapshotTab(tabId: number): Promise<Buffer> {
    const url = await this.evaluate<string>(`(async () => {
      const { nativeTab } = WebExtensionPolicy.getByID(${JSON.stringify(this.addonId)}).extension.tabManager.get(${tabId});
      const browser = nativeTab.linkedBrowser;
      const bitmap = await browser.browsingContext.currentWindowGlobal.drawSnapshot(null, 1, 'white');
      const canvas = browser.ownerDocument.createElementNS('http://www.w3.org/1999/xhtml', 'canvas');
      canvas.width = bitmap.width;
      canvas.height = bitmap.height;
      canvas.getContext('2d').drawImage(bitmap, 0, 0);
      return canvas.toDataURL('image/png');
    })()`);
    return Buffer.from(url.slice('data:image/png;base64,'.length), 'base64');
  }

  private permissions(op: 'add' | 'remove', pattern: string): Promise<unknown> {
    return this.evaluate(`(async () => {
      const { ExtensionPermissions } = ChromeUtils.importESModule('resource://gre/modules/ExtensionPermissions.sys.mjs');
      const policy = WebExtensionPolicy.getByID(${JSON.stringify(this.addonId)});
      await ExtensionPermissions.${op}(${JSON.stringify(this.addonId)}, { permissions: [], origins: [${JSON.stringify(pattern)}] }, policy.extension);
      return true;
    })()`);
  }

  private result(id: string, timeoutMs = 30_000): Promise<Packet> {
    const ready = this.results.get(id);
    if (ready) {
      this.results.delete(id);
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('RDP: no evaluation result from the parent process')), timeoutMs);
      this.waiting.set(id, (p) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(p);
      });
    });
  }
}
