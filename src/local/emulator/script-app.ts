// ScriptApp: installable triggers, recorded rather than scheduled; tests and the page run one on
// demand. Editor add-on rules of the reference apply: time-driven triggers at most hourly, and
// one trigger of each event type per user and document.
import { asGas, GAS_CLASS, GAS_SERVICE, gasEnum } from './gas-object';

type Trigger = GoogleAppsScript.Script.Trigger;
type ClockTriggerBuilder = GoogleAppsScript.Script.ClockTriggerBuilder;
type SpreadsheetTriggerBuilder = GoogleAppsScript.Script.SpreadsheetTriggerBuilder;

export type EventTypeName = 'CLOCK' | 'ON_OPEN' | 'ON_EDIT' | 'ON_FORM_SUBMIT' | 'ON_CHANGE';
/** Apps Script's limit of triggers per user per script. */
export const MAX_TRIGGERS = 20;

export interface TriggerRecord {
  id: string;
  handler: string;
  eventType: EventTypeName;
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string;
  /** How a clock trigger was scheduled, as the builder calls read (`everyHours(1)`, `after(60000)`). */
  schedule: string[];
}

export class TriggerStore {
  readonly triggers: TriggerRecord[] = [];
  private next = 1;
  add(record: Omit<TriggerRecord, 'id'>): TriggerRecord {
    if (this.triggers.length >= MAX_TRIGGERS) {
      throw new Error(
        'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
      );
    }
    if (
      this.triggers.some((t) => t.eventType === record.eventType && t.sourceId === record.sourceId)
    ) {
      throw new Error(
        `Un module complémentaire ne peut avoir qu'un déclencheur ${record.eventType} par utilisateur et par document.`,
      );
    }
    const trigger = { ...record, id: String(this.next++) };
    this.triggers.push(trigger);
    return trigger;
  }
}

export class EmuTrigger implements Pick<
  Trigger,
  'getEventType' | 'getHandlerFunction' | 'getTriggerSource' | 'getTriggerSourceId' | 'getUniqueId'
> {
  readonly [GAS_CLASS] = 'Trigger';
  readonly [GAS_SERVICE] = 'Script';
  constructor(readonly record: TriggerRecord) {}
  getEventType(): GoogleAppsScript.Script.EventType {
    return this.record.eventType as unknown as GoogleAppsScript.Script.EventType;
  }
  getHandlerFunction(): string {
    return this.record.handler;
  }
  getTriggerSource(): GoogleAppsScript.Script.TriggerSource {
    return this.record.source as unknown as GoogleAppsScript.Script.TriggerSource;
  }
  getTriggerSourceId(): string {
    return this.record.sourceId;
  }
  getUniqueId(): string {
    return this.record.id;
  }
}

export class EmuClockTriggerBuilder implements Pick<
  ClockTriggerBuilder,
  | 'after'
  | 'at'
  | 'atHour'
  | 'create'
  | 'everyDays'
  | 'everyHours'
  | 'everyMinutes'
  | 'everyWeeks'
  | 'inTimezone'
  | 'nearMinute'
> {
  // prettier-ignore
  readonly [GAS_CLASS] = 'ClockTriggerBuilder';
  readonly [GAS_SERVICE] = 'Script';
  private readonly schedule: string[] = [];
  private tooFrequent = false;
  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {}
  private step(call: string): ClockTriggerBuilder {
    this.schedule.push(call);
    return asGas(this);
  }
  after(durationMilliseconds: number): ClockTriggerBuilder {
    return this.step(`after(${durationMilliseconds})`);
  }
  at(date: Date): ClockTriggerBuilder {
    return this.step(`at(${date.toISOString()})`);
  }
  atHour(hour: number): ClockTriggerBuilder {
    return this.step(`atHour(${hour})`);
  }
  everyDays(n: number): ClockTriggerBuilder {
    return this.step(`everyDays(${n})`);
  }
  everyHours(n: number): ClockTriggerBuilder {
    return this.step(`everyHours(${n})`);
  }
  everyMinutes(n: number): ClockTriggerBuilder {
    this.tooFrequent = true;
    return this.step(`everyMinutes(${n})`);
  }
  everyWeeks(n: number): ClockTriggerBuilder {
    return this.step(`everyWeeks(${n})`);
  }
  inTimezone(timezone: string): ClockTriggerBuilder {
    return this.step(`inTimezone(${timezone})`);
  }
  nearMinute(minute: number): ClockTriggerBuilder {
    return this.step(`nearMinute(${minute})`);
  }
  create(): Trigger {
    if (this.tooFrequent) {
      throw new Error(
        'Les déclencheurs horaires d’un module complémentaire ne peuvent pas s’exécuter plus d’une fois par heure.',
      );
    }
    const record = this.store.add({
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: '',
      schedule: [...this.schedule],
    });
    return asGas(new EmuTrigger(record));
  }
}

export class EmuSpreadsheetTriggerBuilder implements Pick<
  SpreadsheetTriggerBuilder,
  'create' | 'onChange' | 'onEdit' | 'onFormSubmit' | 'onOpen'
> {
  readonly [GAS_CLASS] = 'SpreadsheetTriggerBuilder';
  readonly [GAS_SERVICE] = 'Script';
  private eventType: EventTypeName | null = null;
  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
    private readonly sourceId: string,
  ) {}
  private on(eventType: EventTypeName): SpreadsheetTriggerBuilder {
    this.eventType = eventType;
    return asGas(this);
  }
  onChange(): SpreadsheetTriggerBuilder {
    return this.on('ON_CHANGE');
  }
  onEdit(): SpreadsheetTriggerBuilder {
    return this.on('ON_EDIT');
  }
  onFormSubmit(): SpreadsheetTriggerBuilder {
    return this.on('ON_FORM_SUBMIT');
  }
  onOpen(): SpreadsheetTriggerBuilder {
    return this.on('ON_OPEN');
  }
  create(): Trigger {
    if (!this.eventType) throw new Error('Trigger event type not set.');
    const record = this.store.add({
      handler: this.handler,
      eventType: this.eventType,
      source: 'SPREADSHEETS',
      sourceId: this.sourceId,
      schedule: [],
    });
    return asGas(new EmuTrigger(record));
  }
}

export class EmuTriggerBuilder implements Pick<
  GoogleAppsScript.Script.TriggerBuilder,
  'forSpreadsheet' | 'timeBased'
> {
  readonly [GAS_CLASS] = 'TriggerBuilder';
  readonly [GAS_SERVICE] = 'Script';
  constructor(
    private readonly store: TriggerStore,
    private readonly handler: string,
  ) {}
  forSpreadsheet(
    sheet: GoogleAppsScript.Spreadsheet.Spreadsheet | string,
  ): SpreadsheetTriggerBuilder {
    const id = typeof sheet === 'string' ? sheet : sheet.getId();
    return asGas(new EmuSpreadsheetTriggerBuilder(this.store, this.handler, id));
  }
  timeBased(): ClockTriggerBuilder {
    return asGas(new EmuClockTriggerBuilder(this.store, this.handler));
  }
}

export class EmuScriptApp implements Pick<
  GoogleAppsScript.Script.ScriptApp,
  | 'AuthMode'
  | 'EventType'
  | 'TriggerSource'
  | 'deleteTrigger'
  | 'getProjectTriggers'
  | 'getScriptId'
  | 'getUserTriggers'
  | 'newTrigger'
> {
  // prettier-ignore
  readonly [GAS_CLASS] = 'ScriptApp';
  readonly [GAS_SERVICE] = 'Script';
  readonly AuthMode = gasEnum<typeof GoogleAppsScript.Script.AuthMode>([
    'NONE',
    'CUSTOM_FUNCTION',
    'LIMITED',
    'FULL',
  ]);
  readonly EventType = gasEnum<typeof GoogleAppsScript.Script.EventType>([
    'CLOCK', 'ON_OPEN', 'ON_EDIT', 'ON_FORM_SUBMIT', 'ON_CHANGE', 'ON_EVENT_UPDATED',
  ]); // prettier-ignore
  readonly TriggerSource = gasEnum<typeof GoogleAppsScript.Script.TriggerSource>([
    'SPREADSHEETS', 'CLOCK', 'FORMS', 'DOCUMENTS', 'CALENDAR',
  ]); // prettier-ignore
  constructor(
    readonly store: TriggerStore,
    private readonly scriptId: string,
  ) {}
  deleteTrigger(trigger: Trigger): void {
    const id = (trigger as unknown as EmuTrigger).record.id;
    const index = this.store.triggers.findIndex((t) => t.id === id);
    if (index >= 0) this.store.triggers.splice(index, 1);
  }
  getProjectTriggers(): Trigger[] {
    return this.store.triggers.map((record) => asGas(new EmuTrigger(record)));
  }
  getScriptId(): string {
    return this.scriptId;
  }
  getUserTriggers(_container: unknown): Trigger[] {
    return this.getProjectTriggers();
  }
  newTrigger(functionName: string): GoogleAppsScript.Script.TriggerBuilder {
    return asGas(new EmuTriggerBuilder(this.store, String(functionName)));
  }
}
