// A fake Gmail with a day's quota and injected faults, and a journal store that a simulated kill
// freezes: what a step does after the kill point has no effect, as when Apps Script stops a run.
import { MemoryJournalStore, type JournalEntry } from '../../src/core/mail/journal';
import type { MailMessage } from '../../src/core/mail/message';
// The emulator's texts by default; a test gives French ones (the core never reads them).
import { MAIL_ERRORS } from '../../src/local/emulator/gmail';

export interface Faults {
  /** Logins whose address Gmail refuses. */
  rejected?: ReadonlySet<string>;
  /** Login → how many calls fail with a transient error before one goes through. */
  transient?: ReadonlyMap<string, number>;
  /** Login → a timeout on its first call, after the message left (true) or before (false). */
  timeout?: ReadonlyMap<string, boolean>;
  /** Messages Gmail accepts per day. */
  dailyQuota?: number;
  /** MailApp's reading is this much above the truth, so the quota error path is taken. */
  quotaLie?: number;
  /** Effect numbers (sends and journal writes, counted from 1) at which the run is killed. */
  killAt?: ReadonlySet<number>;
  /** The texts the errors carry (the user's language): the emulator's English ones by default. */
  texts?: { quota: string; transient: string; invalid: (to: string) => string };
}

export class MailWorld {
  /** Login → messages that left. */
  readonly delivered = new Map<string, number>();
  readonly store: MemoryJournalStore;
  sendCalls = 0;
  kills = 0;
  faultsInjected = 0;
  private sentToday = 0;
  private effects = 0;
  private dead = false;
  private readonly failuresSoFar = new Map<string, number>();

  private get texts() {
    return this.faults.texts ?? MAIL_ERRORS;
  }

  constructor(private readonly faults: Faults = {}) {
    this.store = new MemoryJournalStore();
    const save = this.store.save.bind(this.store);
    this.store.save = (entries: readonly JournalEntry[]) => {
      if (!this.tick()) save(entries);
    };
  }

  /** One external effect; true when the run is dead (killed now or before). */
  private tick(): boolean {
    if (this.dead) return true;
    this.effects++;
    if (this.faults.killAt?.has(this.effects)) {
      this.dead = true;
      this.kills++;
      this.faultsInjected++;
    }
    return this.dead;
  }

  get killed(): boolean {
    return this.dead;
  }

  /** The next run starts alive. */
  revive(): void {
    this.dead = false;
  }

  nextDay(): void {
    this.sentToday = 0;
    this.lieSpent = false;
  }

  /** The reading is approximate until the service refuses for quota; then it reads the truth. */
  private lieSpent = false;

  remainingQuota(): number {
    const quota = this.faults.dailyQuota ?? Infinity;
    const lie = this.lieSpent ? 0 : (this.faults.quotaLie ?? 0);
    return Math.max(0, quota - this.sentToday + lie);
  }

  private deliver(login: string) {
    this.delivered.set(login, (this.delivered.get(login) ?? 0) + 1);
    this.sentToday++;
  }

  readonly send = (message: MailMessage): void => {
    if (this.tick()) return;
    this.sendCalls++;
    const login = message.login;
    if (this.sentToday >= (this.faults.dailyQuota ?? Infinity)) {
      this.faultsInjected++;
      this.lieSpent = true;
      throw new Error(this.texts.quota);
    }
    if (this.faults.rejected?.has(login)) {
      this.faultsInjected++;
      throw new Error(this.texts.invalid(message.to));
    }
    const failures = this.failuresSoFar.get(login) ?? 0;
    if (failures < (this.faults.transient?.get(login) ?? 0)) {
      this.failuresSoFar.set(login, failures + 1);
      this.faultsInjected++;
      throw new Error(this.texts.transient);
    }
    const timeout = this.faults.timeout?.get(login);
    if (timeout !== undefined && !this.failuresSoFar.has(`timeout:${login}`)) {
      this.failuresSoFar.set(`timeout:${login}`, 1);
      this.faultsInjected++;
      if (timeout) this.deliver(login);
      throw new Error(MAIL_ERRORS.timeout);
    }
    this.deliver(login);
    // A kill right after the message left, before the step records it.
    this.tick();
  };

  /** Gmail's Sent folder, searched for the account's message. */
  readonly probe = (entry: JournalEntry): 'sent' | 'not-sent' =>
    this.delivered.has(entry.login) ? 'sent' : 'not-sent';
}
