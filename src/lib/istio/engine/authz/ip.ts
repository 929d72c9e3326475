/** IP addresses and CIDR blocks (`ipBlocks`, `remoteIpBlocks`, `source.ip`...), IPv4 and IPv6, without a library. */

function parseIp(ip: string): { v: 4 | 6; bits: bigint } | undefined {
  const s = ip.trim();
  const m4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (m4) {
    const parts = m4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return { v: 4, bits: parts.reduce((acc, p) => (acc << 8n) | BigInt(p), 0n) };
  }
  if (!s.includes(':')) return undefined;
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || missing < 0) return undefined;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (groups.length !== 8 || groups.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  return { v: 6, bits: groups.reduce((acc, g) => (acc << 16n) | BigInt(parseInt(g, 16)), 0n) };
}

/** `10.0.0.0/8` or a single address; returns undefined when the block is not an IP block. */
export function parseCidr(block: string): { v: 4 | 6; bits: bigint; prefix: number } | undefined {
  const [addr, len, extra] = block.trim().split('/');
  if (extra !== undefined || !addr) return undefined;
  const ip = parseIp(addr);
  if (!ip) return undefined;
  const max = ip.v === 4 ? 32 : 128;
  const prefix = len === undefined ? max : /^\d+$/.test(len) ? Number(len) : NaN;
  if (!Number.isInteger(prefix) || prefix < 0 || prefix > max) return undefined;
  return { ...ip, prefix };
}

export function ipInBlock(ip: string | undefined, block: string): boolean {
  if (!ip) return false;
  const a = parseIp(ip);
  const c = parseCidr(block);
  if (!a || !c || a.v !== c.v) return false;
  const max = BigInt(a.v === 4 ? 32 : 128);
  const shift = max - BigInt(c.prefix);
  return a.bits >> shift === c.bits >> shift;
}
