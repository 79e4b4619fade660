// A small, strict reader of the .eml files we write, independent of the writer's code: headers
// (unfolded, RFC 2047 decoded), multipart/alternative parts, quoted-printable bodies.

export interface ParsedEml {
  headers: Array<[string, string]>;
  header(name: string): string | undefined;
  parts: Array<{ contentType: string; body: string }>;
}

function decodeWords(value: string): string {
  return value
    .replace(/(\?=)\s+(=\?)/g, '$1$2')
    .replace(/=\?UTF-8\?B\?([A-Za-z0-9+/=]*)\?=/gi, (_, b64: string) =>
      Buffer.from(b64, 'base64').toString('utf8'),
    );
}

function decodeQuotedPrintable(body: string): string {
  const bytes: number[] = [];
  const soft = body.replace(/=\r\n/g, '');
  for (let i = 0; i < soft.length; i++) {
    const char = soft[i]!;
    if (char === '=') {
      const hex = soft.slice(i + 1, i + 3);
      if (!/^[0-9A-F]{2}$/.test(hex)) throw new Error(`bad quoted-printable escape "=${hex}"`);
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      const code = char.charCodeAt(0);
      if (code > 126) throw new Error('8-bit character in a quoted-printable body');
      bytes.push(code);
    }
  }
  return new TextDecoder('utf-8', { fatal: true }).decode(new Uint8Array(bytes));
}

function splitHead(text: string): { headers: Array<[string, string]>; body: string } {
  const end = text.indexOf('\r\n\r\n');
  if (end < 0) throw new Error('no blank line after the headers');
  const unfolded = text.slice(0, end).replace(/\r\n[ \t]/g, ' ');
  const headers = unfolded.split('\r\n').map((line): [string, string] => {
    const colon = line.indexOf(':');
    if (colon <= 0) throw new Error(`not a header: ${line}`);
    return [line.slice(0, colon), decodeWords(line.slice(colon + 1).trim())];
  });
  return { headers, body: text.slice(end + 4) };
}

export function parseEml(text: string): ParsedEml {
  if (/[^\r]\n/.test(text) || /\r[^\n]/.test(text)) throw new Error('a line does not end in CRLF');
  for (const line of text.split('\r\n')) {
    if (line.length > 998) throw new Error('a line is longer than 998 characters');
    if (/[^\x20-\x7e\t]/.test(line)) throw new Error(`a non-ASCII character: ${line}`);
  }
  const { headers, body } = splitHead(text);
  const header = (name: string) =>
    headers.find(([key]) => key.toLowerCase() === name.toLowerCase())?.[1];
  const boundary = /boundary="([^"]+)"/.exec(header('Content-Type') ?? '')?.[1];
  if (!boundary) throw new Error('no multipart boundary');
  const chunks = body.split(`--${boundary}`);
  if (!chunks[chunks.length - 1]!.startsWith('--')) throw new Error('no closing boundary');
  const parts = chunks.slice(1, -1).map((chunk) => {
    const part = splitHead(chunk.replace(/^\r\n/, '').replace(/\r\n$/, ''));
    const type = part.headers.find(([k]) => k.toLowerCase() === 'content-type')?.[1] ?? '';
    const encoding = part.headers.find(([k]) => k.toLowerCase() === 'content-transfer-encoding');
    if (encoding?.[1].toLowerCase() !== 'quoted-printable') throw new Error('not quoted-printable');
    return { contentType: type, body: decodeQuotedPrintable(part.body) };
  });
  return { headers, header, parts };
}
