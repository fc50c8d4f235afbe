// A minimal client for Firefox's Remote Debugging Protocol (the one about:debugging and web-ext
// use), only to evaluate code in the extension's background page. WebDriver BiDi cannot reach
// extension contexts (navigating a tab to moz-extension:// is refused), and the background is
// where the popup's and the keyboard command's calls to a tab come from.
//
// Wire format: `<byte length>:<JSON>`. Replies come from the actor asked, without a `type`;
// packets with a `type` are events.

import net from 'node:net';

type Packet = Record<string, any> & { from?: string };

export class RdpClient {
  private buffer = Buffer.alloc(0);
  private readonly pending = new Map<string, { resolve(p: Packet): void; reject(e: Error): void }[]>();
  private readonly listeners = new Set<(p: Packet) => void>();

  private constructor(private readonly socket: net.Socket) {
    socket.on('data', (data) => this.onData(data));
    socket.on('close', () => {
      for (const queue of this.pending.values()) for (const p of queue) p.reject(new Error('RDP connection closed'));
      this.pending.clear();
    });
  }

  /** Connects to a Firefox started with `--start-debugger-server <port>`, retrying while it starts. */
  static async connect(port: number, timeoutMs = 15_000): Promise<RdpClient> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      try {
        const socket = await new Promise<net.Socket>((resolve, reject) => {
          const s = net.createConnection({ port, host: '127.0.0.1' }, () => resolve(s));
          s.once('error', reject);
        });
        const client = new RdpClient(socket);
        await client.next((p) => p.from === 'root' && 'applicationType' in p, 5000);
        return client;
      } catch (error) {
        if (Date.now() > deadline) throw error;
        await new Promise((r) => setTimeout(r, 200));
      }
    }
  }

  request(packet: { to: string; type: string; [key: string]: unknown }): Promise<Packet> {
    return new Promise((resolve, reject) => {
      const queue = this.pending.get(packet.to) ?? [];
      queue.push({ resolve, reject });
      this.pending.set(packet.to, queue);
      const json = JSON.stringify(packet);
      this.socket.write(`${Buffer.byteLength(json)}:${json}`);
    }).then((reply) => {
      const p = reply as Packet;
      if (p.error) throw new Error(`RDP ${packet.type}: ${p.error} ${p.message ?? ''}`);
      return p;
    });
  }

  /** The next event matching `predicate`. */
  next(predicate: (p: Packet) => boolean, timeoutMs = 10_000): Promise<Packet> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.listeners.delete(listener);
        reject(new Error('RDP: timed out waiting for an event'));
      }, timeoutMs);
      const listener = (p: Packet) => {
        if (!predicate(p)) return;
        clearTimeout(timer);
        this.listeners.delete(listener);
        resolve(p);
      };
      this.listeners.add(listener);
    });
  }

  onEvent(listener: (p: Packet) => void): void {
    this.listeners.add(listener);
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(data: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, data]);
    for (;;) {
      const colon = this.buffer.indexOf(0x3a);
      if (colon < 0) return;
      const length = Number(this.buffer.subarray(0, colon).toString());
      if (this.buffer.length < colon + 1 + length) return;
      const packet = JSON.parse(this.buffer.subarray(colon + 1, colon + 1 + length).toString()) as Packet;
      this.buffer = this.buffer.subarray(colon + 1 + length);
      this.dispatch(packet);
    }
  }

  private dispatch(packet: Packet): void {
    const queue = packet.from ? this.pending.get(packet.from) : undefined;
    if (!('type' in packet) && queue && queue.length > 0) {
      queue.shift()!.resolve(packet);
      return;
    }
    for (const listener of [...this.listeners]) listener(packet);
  }
}

/** Evaluates JavaScript in an extension's background page. */
export class ExtensionBackground {
  private consoleActor: string | undefined;
  private available: (() => void) | undefined;
  /**
   * Evaluation results by id. The result can arrive in the same TCP read as the request's reply,
   * i.e. before the caller has even learnt the id, so every result is kept until it is claimed.
   */
  private readonly results = new Map<string, Packet>();
  private readonly waiting = new Map<string, (p: Packet) => void>();

  private constructor(private readonly rdp: RdpClient) {
    rdp.onEvent((p) => {
      if (p.type !== 'evaluationResult') return;
      const waiter = this.waiting.get(p.resultID);
      if (waiter) waiter(p);
      else this.results.set(p.resultID, p);
    });
  }

  private result(id: string, timeoutMs: number): Promise<Packet> {
    const ready = this.results.get(id);
    if (ready) {
      this.results.delete(id);
      return Promise.resolve(ready);
    }
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiting.delete(id);
        reject(new Error('RDP: no evaluation result'));
      }, timeoutMs);
      this.waiting.set(id, (p) => {
        clearTimeout(timer);
        this.waiting.delete(id);
        resolve(p);
      });
    });
  }

  static async attach(rdp: RdpClient, addonId: string): Promise<ExtensionBackground> {
    const { addons } = await rdp.request({ to: 'root', type: 'listAddons' });
    const addon = (addons as { id: string; actor: string }[]).find((a) => a.id === addonId);
    if (!addon) throw new Error(`add-on ${addonId} is not installed`);
    const background = new ExtensionBackground(rdp);
    // Targets come and go with the (event) background page; keep the current one.
    rdp.onEvent((p) => {
      if (p.type === 'target-available-form' && String(p.target?.url).includes('_generated_background_page.html')) {
        background.consoleActor = p.target.consoleActor;
        background.available?.();
      } else if (p.type === 'target-destroyed-form' && p.target?.consoleActor === background.consoleActor) {
        background.consoleActor = undefined;
      }
    });
    const watcher = await rdp.request({ to: addon.actor, type: 'getWatcher', isServerTargetSwitchingEnabled: true });
    await rdp.request({ to: watcher.actor as string, type: 'watchTargets', targetType: 'frame' });
    await background.ready();
    return background;
  }

  private ready(timeoutMs = 10_000): Promise<void> {
    if (this.consoleActor) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('extension background page did not appear')), timeoutMs);
      this.available = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  }

  /**
   * Evaluates `expression` (which may return a promise) in the background page and returns its
   * value, passed through JSON.
   */
  async evaluate<T>(expression: string): Promise<T> {
    await this.ready();
    const text = `(async () => JSON.stringify({ value: await (${expression}) }))()`;
    const ack = await this.rdp.request({ to: this.consoleActor!, type: 'evaluateJSAsync', text, mapped: { await: true } });
    const result = await this.result(ack.resultID as string, 30_000);
    if (result.exceptionMessage || result.topLevelAwaitRejected) {
      throw new Error(`background evaluation failed: ${result.exceptionMessage ?? 'rejected'} in ${expression.slice(0, 200)}`);
    }
    let json = result.result;
    if (json && typeof json === 'object' && json.type === 'longString') {
      const { substring } = await this.rdp.request({ to: json.actor, type: 'substring', start: 0, end: json.length });
      json = substring;
    }
    if (typeof json !== 'string') throw new Error(`unexpected evaluation result ${JSON.stringify(json).slice(0, 200)}`);
    return (JSON.parse(json) as { value: T }).value;
  }
}
