// GmailApp and MailApp: messages "sent" into the local outbox as RFC 5322 files (the CLI's .eml
// writer), a day's quota read by MailApp, Gmail's Sent folder searchable, and faults that tests
// and the page inject: a refused address, transient errors, the quota running out, a timeout
// after the message left, an execution stopped after K sends (Apps Script's time limit).
import { createHash } from 'node:crypto';
import type { MailMessage } from '../../core/mail/message';
import { formatEml } from '../mail/eml';
import type { ExecutionState } from './execution';
import { asGas, GAS_CLASS, GAS_SERVICE } from './gas-object';

/** A message sent through GmailApp or MailApp, as the page lists it and offers it as a file. */
export interface SentMessage {
  id: string;
  service: string;
  from: string;
  to: string;
  subject: string;
  body: string;
  htmlBody?: string;
  name?: string;
  replyTo?: string;
  sentAt: string;
  messageId: string;
  /** The whole RFC 5322 text (the page's download). */
  eml: string;
}

/** Faults a test (or the page, through POST /emulator/mail) injects into the mail services. */
export interface MailFaults {
  /** Addresses (any case) that GmailApp refuses at once. */
  rejected: string[];
  /** Address → how many calls fail with a transient error before one goes through. */
  transient: Record<string, number>;
  /** Addresses whose first call times out after the message has left. */
  timeoutAfterSent: string[];
  /** Recipients a day (100 for a consumer account, 1,500 for Workspace). */
  dailyQuota: number;
  /** MailApp's reading is this much above the truth, so the quota error path is taken. */
  quotaLie: number;
  /** An execution is stopped right after its K-th send (null: never). */
  stopAfterSends: number | null;
  /** How many executions are stopped that way before the fault is spent. */
  stops: number;
}

export const DEFAULT_DAILY_QUOTA = 100;

/** The texts Apps Script gives (docs/EMULATOR.md, guesses 20–22). */
export const MAIL_ERRORS = {
  quota: 'Service invoked too many times for one day: email.',
  transient:
    'Service invoked too many times in a short time: gmail. Try Utilities.sleep(1000) between calls.',
  invalid: (address: string) => `Invalid email: ${address}`,
  timeout: 'Service error: Gmail (timeout)',
};

export const defaultFaults = (): MailFaults => ({
  rejected: [],
  transient: {},
  timeoutAfterSent: [],
  dailyQuota: DEFAULT_DAILY_QUOTA,
  quotaLie: 0,
  stopAfterSends: null,
  stops: 0,
});

export class MailStore {
  faults: MailFaults = defaultFaults();
  sentToday = 0;
  /** Faults that fired: refusals, transient errors, timeouts, quota errors, stopped runs. */
  faultsInjected = 0;
  private transientSeen = new Map<string, number>();
  private timedOut = new Set<string>();
  private sendsIn = { execution: -1, count: 0 };
  private next = 1;

  constructor(
    readonly outbox: SentMessage[],
    readonly execution: ExecutionState,
    private readonly now: () => number,
    readonly fromAddress: string,
  ) {}

  setFaults(faults: Partial<MailFaults>): void {
    this.faults = { ...this.faults, ...faults };
    this.transientSeen.clear();
    this.timedOut.clear();
  }

  /** The quota is back: Gmail counts recipients over a day. */
  nextDay(): void {
    this.sentToday = 0;
  }

  remainingQuota(): number {
    return Math.max(0, this.faults.dailyQuota - this.sentToday + this.faults.quotaLie);
  }

  send(service: string, to: string, subject: string, body: string, options: SendOptions): void {
    const address = to.trim().toLowerCase();
    if (this.faults.rejected.some((a) => a.toLowerCase() === address)) {
      this.faultsInjected++;
      throw new Error(MAIL_ERRORS.invalid(to));
    }
    if (!/^[^@\s,;<>"]+@[^@\s,;<>"]+\.[A-Za-z]{2,}$/.test(to.trim())) {
      throw new Error(MAIL_ERRORS.invalid(to));
    }
    if (this.sentToday >= this.faults.dailyQuota) {
      this.faultsInjected++;
      throw new Error(MAIL_ERRORS.quota);
    }
    const transientKey = Object.keys(this.faults.transient).find(
      (a) => a.toLowerCase() === address,
    );
    if (transientKey !== undefined) {
      const seen = this.transientSeen.get(address) ?? 0;
      if (seen < this.faults.transient[transientKey]!) {
        this.transientSeen.set(address, seen + 1);
        this.faultsInjected++;
        throw new Error(MAIL_ERRORS.transient);
      }
    }
    this.deliver(service, to.trim(), subject, body, options);
    if (
      this.faults.timeoutAfterSent.some((a) => a.toLowerCase() === address) &&
      !this.timedOut.has(address)
    ) {
      this.timedOut.add(address);
      this.faultsInjected++;
      throw new Error(MAIL_ERRORS.timeout);
    }
    this.countSendInExecution();
  }

  private countSendInExecution(): void {
    if (this.sendsIn.execution !== this.execution.number) {
      this.sendsIn = { execution: this.execution.number, count: 0 };
    }
    this.sendsIn.count++;
    const limit = this.faults.stopAfterSends;
    if (limit !== null && this.faults.stops > 0 && this.sendsIn.count >= limit) {
      this.faults = { ...this.faults, stops: this.faults.stops - 1 };
      this.faultsInjected++;
      this.execution.stop();
    }
  }

  private deliver(
    service: string,
    to: string,
    subject: string,
    body: string,
    options: SendOptions,
  ): void {
    const id = `msg-${String(this.next++).padStart(4, '0')}`;
    const sentAt = new Date(this.now());
    const messageId = `<${id}.${createHash('sha256').update(`${id}${to}`).digest('hex').slice(0, 12)}@mail.emulator.invalid>`;
    const message: MailMessage = {
      login: '',
      to,
      toName: '',
      subject,
      text: body,
      html: options.htmlBody ?? '',
      fromName: options.name ?? '',
      replyTo: options.replyTo ?? null,
    };
    this.outbox.push({
      id,
      service,
      from: this.fromAddress,
      to,
      subject,
      body,
      ...(options.htmlBody === undefined ? {} : { htmlBody: options.htmlBody }),
      ...(options.name === undefined ? {} : { name: options.name }),
      ...(options.replyTo === undefined ? {} : { replyTo: options.replyTo }),
      sentAt: sentAt.toISOString(),
      messageId,
      eml: formatEml(message, { fromAddress: this.fromAddress, date: sentAt, messageId }),
    });
    this.sentToday++;
  }

  /** Gmail's search over the Sent folder (the operators the add-on's probe uses). */
  search(query: string): SentMessage[] {
    const terms = parseQuery(query);
    return this.outbox.filter((m) => terms.every((term) => term(m)));
  }
}

type SendOptions = { htmlBody?: string; name?: string; replyTo?: string };

const fold = (text: string) => text.toLowerCase().replace(/\s+/g, ' ').trim();

/** in:sent, to:, subject:"…" or subject:word, after:YYYY/MM/DD, rfc822msgid:, free words. */
function parseQuery(query: string): Array<(m: SentMessage) => boolean> {
  const terms: Array<(m: SentMessage) => boolean> = [];
  const pattern = /(\w+):("([^"]*)"|\S+)|"([^"]*)"|(\S+)/g;
  for (const match of query.matchAll(pattern)) {
    const [, operator, raw, quoted, phrase, word] = match;
    const value = fold(quoted ?? raw ?? phrase ?? word ?? '');
    switch (operator?.toLowerCase()) {
      case 'in':
        terms.push(() => value === 'sent' || value === 'anywhere');
        break;
      case 'to':
        terms.push((m) => fold(m.to).includes(value));
        break;
      case 'subject':
        terms.push((m) => fold(m.subject).includes(value));
        break;
      case 'after': {
        const day = Date.parse(value.replace(/\//g, '-'));
        terms.push((m) => Number.isNaN(day) || Date.parse(m.sentAt) >= day);
        break;
      }
      case 'rfc822msgid':
        terms.push((m) => fold(m.messageId).replace(/[<>]/g, '') === value.replace(/[<>]/g, ''));
        break;
      case undefined:
        terms.push((m) => fold(`${m.subject} ${m.body}`).includes(value));
        break;
      default:
        throw new Error(
          `Opérateur de recherche Gmail non émulé : ${operator}: (voir docs/EMULATOR.md).`,
        );
    }
  }
  return terms;
}

export class EmuGmailThread implements Pick<
  GoogleAppsScript.Gmail.GmailThread,
  'getFirstMessageSubject' | 'getId' | 'getMessageCount'
> {
  readonly [GAS_CLASS] = 'GmailThread';
  readonly [GAS_SERVICE] = 'Gmail';
  constructor(private readonly message: SentMessage) {}
  getFirstMessageSubject(): string {
    return this.message.subject;
  }
  getId(): string {
    return this.message.id;
  }
  getMessageCount(): number {
    return 1;
  }
}

export class EmuGmailApp implements Pick<GoogleAppsScript.Gmail.GmailApp, 'search' | 'sendEmail'> {
  readonly [GAS_CLASS] = 'GmailApp';
  readonly [GAS_SERVICE] = 'Gmail';
  constructor(private readonly store: MailStore) {}
  search(query: string, start?: number, max?: number): GoogleAppsScript.Gmail.GmailThread[] {
    const found = this.store.search(String(query));
    const from = Math.max(0, start ?? 0);
    const slice = found.slice(from, max === undefined ? undefined : from + Math.max(0, max));
    return slice.map((m) => asGas(new EmuGmailThread(m)));
  }
  sendEmail(
    recipient: string,
    subject: string,
    body: string,
    options?: GoogleAppsScript.Gmail.GmailAdvancedOptions,
  ): GoogleAppsScript.Gmail.GmailApp {
    const unsupported = Object.keys(options ?? {}).filter(
      (key) => !['htmlBody', 'name', 'replyTo'].includes(key),
    );
    if (unsupported.length > 0) {
      throw new Error(`Options de GmailApp.sendEmail non émulées : ${unsupported.join(', ')}.`);
    }
    this.store.send('GmailApp', String(recipient), String(subject), String(body), {
      ...(options?.htmlBody === undefined ? {} : { htmlBody: String(options.htmlBody) }),
      ...(options?.name === undefined ? {} : { name: String(options.name) }),
      ...(options?.replyTo === undefined ? {} : { replyTo: String(options.replyTo) }),
    });
    return asGas(this);
  }
}

export class EmuMailApp implements Pick<GoogleAppsScript.Mail.MailApp, 'getRemainingDailyQuota'> {
  readonly [GAS_CLASS] = 'MailApp';
  readonly [GAS_SERVICE] = 'Mail';
  constructor(private readonly store: MailStore) {}
  getRemainingDailyQuota(): number {
    return this.store.remainingQuota();
  }
}
