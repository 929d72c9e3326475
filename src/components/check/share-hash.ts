/**
 * The page's state in the URL hash, for sharing: `#s=` + base64url of the deflate-raw compressed JSON
 * `{ t: text, c: contextSetNames }`. Uses the browser's CompressionStream; nothing leaves the page.
 */
export interface SharedState {
  text: string;
  context: string[];
}

/** Texts above this many characters are not put in the link (browsers cap URL lengths). */
export const maxSharedChars = 256 * 1024;

async function pipe(bytes: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> {
  const out = new Blob([bytes as BlobPart]).stream().pipeThrough(stream);
  return new Uint8Array(await new Response(out).arrayBuffer());
}

function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64Url(text: string): Uint8Array {
  const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

export async function encodeState(state: SharedState): Promise<string> {
  const json = new TextEncoder().encode(JSON.stringify({ t: state.text, c: state.context }));
  return `s=${toBase64Url(await pipe(json, new CompressionStream('deflate-raw')))}`;
}

/** The state in a hash (`#s=...`), or undefined when there is none or it cannot be read. */
export async function decodeState(hash: string): Promise<SharedState | undefined> {
  const m = /^#?s=([A-Za-z0-9_-]+)$/.exec(hash);
  if (!m) return undefined;
  try {
    const json = new TextDecoder().decode(await pipe(fromBase64Url(m[1]!), new DecompressionStream('deflate-raw')));
    const data: unknown = JSON.parse(json);
    if (typeof data !== 'object' || data === null) return undefined;
    const { t, c } = data as { t?: unknown; c?: unknown };
    if (typeof t !== 'string') return undefined;
    return { text: t, context: Array.isArray(c) ? c.filter((x): x is string => typeof x === 'string') : [] };
  } catch {
    return undefined;
  }
}
