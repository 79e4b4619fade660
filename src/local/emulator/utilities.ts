// Utilities and its Blob: dates, UUIDs, base64, and blobs of bytes with a content type.
import type { ExecutionState } from './execution';
import { randomUUID } from 'node:crypto';
import { formatJavaDate } from './format';
import { ServiceError } from './errors';
import { asGas, GAS_CLASS, GAS_SERVICE, gasEnum } from './gas-object';

type Blob = GoogleAppsScript.Base.Blob;

/** Java bytes are signed: what getBytes and base64Decode answer. */
export function toJavaBytes(bytes: Uint8Array): number[] {
  return Array.from(bytes, (b) => (b > 127 ? b - 256 : b));
}

function fromByteArray(data: unknown): Uint8Array {
  if (!Array.isArray(data)) throw new TypeError('Expected an array of bytes.');
  return Uint8Array.from(data, (b) => Number(b) & 0xff);
}

const EXTENSIONS: Record<string, string> = {
  pdf: 'application/pdf', txt: 'text/plain', html: 'text/html', csv: 'text/csv',
  json: 'application/json', zip: 'application/zip', eml: 'message/rfc822',
}; // prettier-ignore

export class EmuBlob implements Pick<
  Blob,
  | 'copyBlob'
  | 'getAs'
  | 'getBytes'
  | 'getContentType'
  | 'getDataAsString'
  | 'getName'
  | 'isGoogleType'
  | 'setBytes'
  | 'setContentType'
  | 'setContentTypeFromExtension'
  | 'setDataFromString'
  | 'setName'
> {
  // prettier-ignore
  readonly [GAS_CLASS] = 'Blob';
  readonly [GAS_SERVICE] = 'Base';
  constructor(
    public bytes: Uint8Array,
    public contentType: string | null = null,
    public name: string | null = null,
  ) {}

  copyBlob(): Blob {
    return asGas(new EmuBlob(this.bytes.slice(), this.contentType, this.name));
  }
  /** Conversions (a Doc to PDF…) belong to the service that owns the type; none here. */
  getAs(contentType: string): Blob {
    if (contentType === this.contentType) return this.copyBlob();
    throw new ServiceError('conversionUnsupported', String(this.contentType), contentType);
  }
  getBytes(): number[] {
    return toJavaBytes(this.bytes);
  }
  getContentType(): string | null {
    return this.contentType;
  }
  getDataAsString(charset = 'UTF-8'): string {
    return new TextDecoder(charset.toLowerCase()).decode(this.bytes);
  }
  getName(): string | null {
    return this.name;
  }
  isGoogleType(): boolean {
    return false;
  }
  setBytes(data: number[]): Blob {
    this.bytes = fromByteArray(data);
    return asGas(this);
  }
  setContentType(contentType: string | null): Blob {
    this.contentType = contentType;
    return asGas(this);
  }
  setContentTypeFromExtension(): Blob {
    const extension = this.name?.split('.').pop()?.toLowerCase() ?? '';
    const type = EXTENSIONS[extension];
    if (!type) throw new ServiceError('unknownExtension', extension);
    this.contentType = type;
    return asGas(this);
  }
  setDataFromString(text: string, _charset?: string): Blob {
    this.bytes = new TextEncoder().encode(String(text));
    return asGas(this);
  }
  setName(name: string): Blob {
    this.name = String(name);
    return asGas(this);
  }
}

/** A string or a Byte[] as bytes (strings in UTF-8). */
export function blobBytes(data: unknown): Uint8Array {
  return typeof data === 'string' ? new TextEncoder().encode(data) : fromByteArray(data);
}

export class EmuUtilities implements Pick<
  GoogleAppsScript.Utilities.Utilities,
  | 'Charset'
  | 'base64Decode'
  | 'base64Encode'
  | 'formatDate'
  | 'formatString'
  | 'getUuid'
  | 'newBlob'
  | 'sleep'
> {
  // prettier-ignore
  readonly [GAS_CLASS] = 'Utilities';
  readonly [GAS_SERVICE] = 'Utilities';
  readonly Charset = gasEnum<typeof GoogleAppsScript.Utilities.Charset>(['US_ASCII', 'UTF_8']);
  constructor(private readonly execution: ExecutionState | null = null) {}

  base64Decode(encoded: string): number[] {
    return toJavaBytes(Buffer.from(String(encoded), 'base64'));
  }
  base64Encode(data: number[] | string): string {
    return Buffer.from(blobBytes(data)).toString('base64');
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (!(date instanceof Date)) throw new ServiceError('formatDateSignature');
    return formatJavaDate(date, String(timeZone), String(format));
  }
  formatString(template: string, ...args: unknown[]): string {
    let i = 0;
    return String(template).replace(
      /%(?:(\d*)\.?(\d*))?([sdif%])/g,
      (token, _w, precision, kind: string) => {
        if (kind === '%') return '%';
        const value = args[i++];
        if (kind === 's') return String(value);
        if (kind === 'f') return Number(value).toFixed(precision === '' ? 6 : Number(precision));
        return String(Math.trunc(Number(value)));
      },
    );
  }
  getUuid(): string {
    return randomUUID();
  }
  newBlob(data: number[] | string, contentType?: string, name?: string): Blob {
    return asGas(new EmuBlob(blobBytes(data), contentType ?? null, name ?? null));
  }
  /** Waits on the script's clock (latency.ts), not in real time: the pause counts in the run's six minutes. */
  sleep(milliseconds: number): void {
    this.execution?.advance(Number(milliseconds) || 0);
  }
}
