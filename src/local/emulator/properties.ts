// PropertiesService: three string stores (document, script, user), with Apps Script's quotas
// (https://developers.google.com/apps-script/guides/services/quotas: "Properties value size
// 9 KB / val", "Properties total storage 500 KB / property store").
import { ServiceError } from './errors';
import { asGas, GAS_CLASS, GAS_SERVICE } from './gas-object';

type Properties = GoogleAppsScript.Properties.Properties;

/** The quotas page's figures, in UTF-8 bytes (a kB of 1,024 bytes: the page does not say). */
export const MAX_VALUE_BYTES = 9 * 1024;
export const MAX_STORE_BYTES = 500 * 1024;

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

export class EmuProperties implements Pick<
  Properties,
  | 'deleteAllProperties'
  | 'deleteProperty'
  | 'getKeys'
  | 'getProperties'
  | 'getProperty'
  | 'setProperties'
  | 'setProperty'
> {
  // prettier-ignore
  readonly [GAS_CLASS] = 'Properties';
  readonly [GAS_SERVICE] = 'Properties';
  readonly values = new Map<string, string>();

  /**
   * A value over 9 kB, or a store whose keys and values together pass 500 kB, is refused and
   * nothing is written. The store counts keys too, as measured by developers
   * (https://tanaikech.github.io/2023/05/22/report-specification-of-properties-service-for-google-apps-script/).
   */
  private check(next: Map<string, string>): void {
    let total = 0;
    for (const [key, value] of next) {
      if (bytes(value) > MAX_VALUE_BYTES) throw new ServiceError('propertyValueTooLarge');
      total += bytes(key) + bytes(value);
    }
    if (total > MAX_STORE_BYTES) throw new ServiceError('propertyStoreFull');
  }

  deleteAllProperties(): Properties {
    this.values.clear();
    return asGas(this);
  }
  deleteProperty(key: string): Properties {
    this.values.delete(String(key));
    return asGas(this);
  }
  getKeys(): string[] {
    return [...this.values.keys()];
  }
  getProperties(): { [key: string]: string } {
    return Object.fromEntries(this.values);
  }
  getProperty(key: string): string | null {
    return this.values.get(String(key)) ?? null;
  }
  setProperties(properties: { [key: string]: string }, deleteAllOthers = false): Properties {
    const next = new Map(deleteAllOthers ? [] : this.values);
    for (const [key, value] of Object.entries(properties)) next.set(key, String(value));
    this.check(next);
    this.values.clear();
    for (const [key, value] of next) this.values.set(key, value);
    return asGas(this);
  }
  setProperty(key: string, value: string): Properties {
    return this.setProperties({ [String(key)]: value });
  }
}

export class EmuPropertiesService implements Pick<
  GoogleAppsScript.Properties.PropertiesService,
  'getDocumentProperties' | 'getScriptProperties' | 'getUserProperties'
> {
  readonly [GAS_CLASS] = 'PropertiesService';
  readonly [GAS_SERVICE] = 'Properties';
  readonly document = new EmuProperties();
  readonly script = new EmuProperties();
  readonly user = new EmuProperties();
  getDocumentProperties(): Properties {
    return asGas(this.document);
  }
  getScriptProperties(): Properties {
    return asGas(this.script);
  }
  getUserProperties(): Properties {
    return asGas(this.user);
  }
}
