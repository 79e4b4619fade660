// Developer metadata on a spreadsheet: keyed strings a project keeps in the document itself,
// readable by any execution that opens it (a time-driven trigger opening it by id included).
// https://developers.google.com/apps-script/reference/spreadsheet/developer-metadata
// https://developers.google.com/sheets/api/guides/metadata (associated with the spreadsheet,
// kept as the spreadsheet is edited; PROJECT visibility: only the creating project sees it).
import { asGas, GAS_CLASS, GAS_SERVICE } from './gas-object';

type DeveloperMetadata = GoogleAppsScript.Spreadsheet.DeveloperMetadata;

/**
 * Guess (docs/EMULATOR.md): the total of a spreadsheet's metadata keys and values is capped at
 * 30,000 characters, as developers report for the Sheets API; the reference gives no figure.
 */
export const MAX_METADATA_CHARS = 30_000;

export class MetadataStore {
  readonly items: EmuDeveloperMetadata[] = [];
  private next = 1;

  add(key: string, value: string | null, visibility: string): EmuDeveloperMetadata {
    const item = new EmuDeveloperMetadata(this, this.next++, key, value, visibility);
    this.items.push(item);
    try {
      this.check();
    } catch (error) {
      // Refused, so not kept: as setValue puts the old value back.
      this.items.pop();
      throw error;
    }
    return item;
  }

  check(): void {
    const total = this.items.reduce((n, m) => n + m.key.length + (m.value ?? '').length, 0);
    if (total > MAX_METADATA_CHARS) {
      throw new Error('Les métadonnées de ce classeur dépassent 30 000 caractères.');
    }
  }
}

export class EmuDeveloperMetadata implements Pick<
  DeveloperMetadata,
  'getId' | 'getKey' | 'getValue' | 'getVisibility' | 'remove' | 'setValue'
> {
  readonly [GAS_CLASS] = 'DeveloperMetadata';
  readonly [GAS_SERVICE] = 'Spreadsheet';
  constructor(
    private readonly store: MetadataStore,
    readonly id: number,
    readonly key: string,
    public value: string | null,
    readonly visibility: string,
  ) {}
  getId(): number {
    return this.id;
  }
  getKey(): string {
    return this.key;
  }
  getValue(): string | null {
    return this.value;
  }
  getVisibility(): GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility {
    return this.visibility as unknown as GoogleAppsScript.Spreadsheet.DeveloperMetadataVisibility;
  }
  remove(): void {
    const index = this.store.items.indexOf(this);
    if (index >= 0) this.store.items.splice(index, 1);
  }
  setValue(value: string): DeveloperMetadata {
    const before = this.value;
    this.value = String(value);
    try {
      this.store.check();
    } catch (error) {
      this.value = before;
      throw error;
    }
    return asGas(this);
  }
}
