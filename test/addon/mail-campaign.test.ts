// The add-on's campaign as Apps Script would run it: dist/Code.js in the emulator's runtime, its
// GmailApp and MailApp with injected faults, the journal tab, the document lock, the trigger.
import { describe, expect, it } from 'vitest';
import {
  addonRuntime,
  checkCampaign,
  journalRows,
  request,
  runAsSidebar,
} from '../helpers/mail-addon';

describe('properties cut short or edited by hand', () => {
  it('read as none: the campaign starts, the settings are the defaults', () => {
    const { runtime, accounts } = addonRuntime(10, { dailyQuota: 1500 });
    runtime.stores.properties.document.setProperty('publipostage.mail.campaign', '{"id":');
    runtime.stores.properties.document.setProperty('publipostage.settings', '{"entName"');
    const settings = runtime.runFromClient('getSettings', []) as { ok: boolean };
    expect(settings.ok).toBe(true);
    const { status } = runAsSidebar(runtime);
    expect(status.result).toMatchObject({ state: 'complete' });
    expect(checkCampaign(runtime, accounts)).toMatchObject({ duplicates: 0, lost: 0 });
  });
});

describe('a campaign from the sidebar, under each fault', () => {
  it('sends to every valid address once and records the skipped', () => {
    const { runtime, accounts } = addonRuntime(60, { dailyQuota: 1500 });
    const { status } = runAsSidebar(runtime);
    expect(status.result).toMatchObject({ state: 'complete' });
    const tally = checkCampaign(runtime, accounts);
    expect(tally).toMatchObject({ duplicates: 0, lost: 0 });
    expect(tally.byStatus).toEqual({
      envoyé: 51,
      'ignoré : sans courriel': 6,
      'ignoré : courriel invalide': 3,
    });
    expect(runtime.counters.get('GmailApp.sendEmail')).toBe(51);
    // The options GmailApp got: HTML body, the sender's name (the school's by default).
    const message = runtime.stores.outbox[0]!;
    expect(message.htmlBody).toContain('<');
    expect(message.name).toBeTruthy();
    expect(message.eml).toMatch(/^From: .*\r\nTo: /);
  });

  it('records a refused address as échec and does not stop the others', () => {
    const refused = ['eleve.0003@example.org', 'eleve.0041@example.org'];
    const { runtime, accounts } = addonRuntime(60, { dailyQuota: 1500, rejected: refused });
    runAsSidebar(runtime);
    const tally = checkCampaign(runtime, accounts, refused);
    expect(tally).toMatchObject({ duplicates: 0, lost: 0 });
    expect(tally.byStatus['échec']).toBe(2);
    const row = journalRows(runtime).find((r) => r.Identifiant === 'eleve.0003')!;
    expect(row.Erreur).toBe('Invalid email: eleve.0003@example.org');
  });

  it('retries transient errors; one that persists is échec, and « Reprendre » sends it', () => {
    const transient = {
      'eleve.0002@example.org': 1,
      'eleve.0005@example.org': 2,
      'eleve.0007@example.org': 4,
    };
    const { runtime, accounts } = addonRuntime(30, { dailyQuota: 1500, transient });
    runAsSidebar(runtime);
    const row = () => journalRows(runtime).find((r) => r.Identifiant === 'eleve.0007')!;
    expect(row()).toMatchObject({ Statut: 'échec', Tentatives: '3' });
    const resumed = runtime.runFromClient('resumeMail', ['sidebar-1']) as { ok: boolean };
    expect(resumed.ok).toBe(true);
    expect(row()).toMatchObject({ Statut: 'envoyé', Tentatives: '5' });
    const tally = checkCampaign(runtime, accounts);
    expect(tally).toMatchObject({ duplicates: 0, lost: 0 });
  });

  it('resolves a timeout after the message left through the Sent folder, never resending', () => {
    const timeoutAfterSent = ['eleve.0004@example.org', 'eleve.0033@example.org'];
    const { runtime, accounts } = addonRuntime(40, { dailyQuota: 1500, timeoutAfterSent });
    runAsSidebar(runtime);
    const tally = checkCampaign(runtime, accounts);
    expect(tally).toMatchObject({ duplicates: 0, lost: 0 });
    expect(tally.byStatus['à vérifier']).toBeUndefined();
    expect(runtime.counters.get('GmailApp.search')).toBe(2);
  });

  it('survives steps stopped by the time limit: the claims are checked in the Sent folder', () => {
    const { runtime, accounts } = addonRuntime(120, {
      dailyQuota: 1500,
      stopAfterSends: 7,
      stops: 4,
    });
    const { stops, status } = runAsSidebar(runtime);
    expect(stops).toBe(4);
    expect(status.result).toMatchObject({ state: 'complete' });
    const tally = checkCampaign(runtime, accounts);
    expect(tally).toMatchObject({ duplicates: 0, lost: 0 });
    expect(tally.byStatus['à vérifier']).toBeUndefined();
  });

  it('waits for quota, installs the hourly trigger, resumes on the next days, then removes it', () => {
    const { runtime, accounts } = addonRuntime(60, { dailyQuota: 20 });
    const { status } = runAsSidebar(runtime);
    expect(status.result).toMatchObject({ state: 'waiting-quota', sent: 20, waitingQuota: 31 });
    expect(status.done).toBe(true);
    const triggers = runtime.stores.triggers.triggers;
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({
      handler: 'resumeMailFromTrigger',
      eventType: 'CLOCK',
      schedule: ['everyHours(1)'],
    });
    const waiting = journalRows(runtime).filter((r) => r.Statut === 'en attente : quota');
    expect(waiting).toHaveLength(31);
    // The same day: the trigger finds no quota and sends nothing.
    runtime.runTrigger(triggers[0]!.id);
    expect(runtime.counters.get('GmailApp.sendEmail')).toBe(20);
    runtime.stores.mail.nextDay();
    runtime.runTrigger(triggers[0]!.id);
    expect(runtime.counters.get('GmailApp.sendEmail')).toBe(40);
    expect(runtime.stores.triggers.triggers).toHaveLength(1);
    runtime.stores.mail.nextDay();
    runtime.runTrigger(runtime.stores.triggers.triggers[0]!.id);
    expect(runtime.counters.get('GmailApp.sendEmail')).toBe(51);
    expect(runtime.stores.triggers.triggers).toHaveLength(0);
    const tally = checkCampaign(runtime, accounts);
    expect(tally).toMatchObject({ duplicates: 0, lost: 0 });
  });

  it('takes the quota error when MailApp reads more than is left', () => {
    const { runtime, accounts } = addonRuntime(40, { dailyQuota: 10, quotaLie: 5 });
    const { status } = runAsSidebar(runtime);
    expect(status.result).toMatchObject({ state: 'waiting-quota', sent: 10 });
    runtime.stores.mail.setFaults({ dailyQuota: 1500, quotaLie: 0 });
    runtime.stores.mail.nextDay();
    const resumed = runAsSidebarResume(runtime);
    expect(resumed).toMatchObject({ state: 'complete' });
    expect(runtime.stores.triggers.triggers).toHaveLength(0);
    const tally = checkCampaign(runtime, accounts);
    expect(tally).toMatchObject({ duplicates: 0, lost: 0 });
  });

  it('ends right under every fault at once', () => {
    const refused = ['eleve.0011@example.org'];
    const { runtime, accounts } = addonRuntime(200, {
      dailyQuota: 70,
      rejected: refused,
      transient: { 'eleve.0013@example.org': 2, 'eleve.0099@example.org': 1 },
      timeoutAfterSent: ['eleve.0021@example.org', 'eleve.0150@example.org'],
      stopAfterSends: 9,
      stops: 5,
      quotaLie: 3,
    });
    let result = runAsSidebar(runtime).status.result!;
    for (let day = 0; day < 5 && result.state !== 'complete'; day++) {
      runtime.stores.mail.nextDay();
      const trigger = runtime.stores.triggers.triggers[0];
      expect(trigger?.handler).toBe('resumeMailFromTrigger');
      try {
        runtime.runTrigger(trigger!.id);
      } catch (error) {
        // A trigger run stopped by the time limit: the next hour's run picks up.
        expect((error as Error).message).toBe("Temps d'exécution maximal dépassé");
        runtime.runTrigger(trigger!.id);
      }
      result = { ...result, state: stateOf(runtime) };
    }
    expect(result.state).toBe('complete');
    expect(runtime.stores.triggers.triggers).toHaveLength(0);
    const tally = checkCampaign(runtime, accounts, refused);
    expect(tally).toMatchObject({ duplicates: 0, lost: 0 });
  });
});

function stateOf(runtime: ReturnType<typeof addonRuntime>['runtime']): string {
  const stored = runtime.stores.properties
    .getDocumentProperties()
    .getProperty('publipostage.mail.campaign');
  return (JSON.parse(stored!) as { state: string }).state;
}

function runAsSidebarResume(runtime: ReturnType<typeof addonRuntime>['runtime']) {
  let reply = runtime.runFromClient('resumeMail', ['sidebar-1']) as {
    ok: true;
    value: { jobId: string; done: boolean; result?: { state: string } };
  };
  while (!reply.value.done) {
    reply = runtime.runFromClient('continueMail', [reply.value.jobId]) as typeof reply;
  }
  return reply.value.result;
}

describe('the campaign in numbers', () => {
  it('sends 1,500 sendable recipients in 1,500 sendEmail calls, journal writes growing by batch', () => {
    const { runtime, accounts } = addonRuntimeAllValid(1500);
    runAsSidebar(runtime);
    expect(checkCampaign(runtime, accounts)).toMatchObject({
      delivered: 1500,
      duplicates: 0,
      lost: 0,
      byStatus: { envoyé: 1500 },
    });
    expect(runtime.counters.get('GmailApp.sendEmail')).toBe(1500);
    // Header, the plan (every row at once), then a claim and an outcome write per batch of 25.
    expect(runtime.counters.get('Range.setValues')).toBe(1 + 1 + 2 * 60);
    // The tab is made text once, and grown once past its first thousand rows.
    expect(runtime.counters.get('Range.setNumberFormat')).toBe(2);
    expect(runtime.counters.get('Sheet.insertRowsAfter')).toBe(1);
  });
});

function addonRuntimeAllValid(n: number) {
  const made = addonRuntime(n, { dailyQuota: 5000 });
  // Every account given a valid address, written into the sheet before the add-on reads it.
  const sheet = made.runtime.stores.spreadsheet.sheetByName('Comptes')!;
  for (let r = 2; r <= n + 1; r++) {
    const login = String(sheet.cell(r, 3).value);
    sheet.writable(r, 6).value = `${login}@example.org`;
  }
  for (const account of made.accounts) {
    account.email = `${account.login}@example.org`;
    account.address = 'valid';
  }
  return made;
}

describe('one campaign at a time', () => {
  it('refuses a second window while the document lock is held elsewhere', () => {
    const { runtime } = addonRuntime(10, { dailyQuota: 100 });
    runtime.stores.locks.document.heldElsewhere = true;
    const reply = runtime.runFromClient('startMail', [request, 'sidebar-1']) as {
      ok: boolean;
      error: { message: string };
    };
    expect(reply.ok).toBe(false);
    expect(reply.error.message).toMatch(/déjà en cours dans une autre fenêtre/);
    expect(runtime.counters.get('GmailApp.sendEmail')).toBe(0);
  });

  it('refuses a second sidebar while the first one is running its campaign', () => {
    const { runtime } = addonRuntime(200, { dailyQuota: 1500 });
    const first = runtime.runFromClient('startMail', [request, 'sidebar-1']) as {
      ok: true;
      value: { jobId: string; done: boolean };
    };
    expect(first.value.done).toBe(false);
    const second = runtime.runFromClient('startMail', [request, 'sidebar-2']) as { ok: boolean };
    expect(second).toMatchObject({ ok: false });
    const resume = runtime.runFromClient('resumeMail', ['sidebar-2']) as { ok: boolean };
    expect(resume).toMatchObject({ ok: false });
    // The first goes on.
    const next = runtime.runFromClient('continueMail', [first.value.jobId]) as { ok: boolean };
    expect(next.ok).toBe(true);
  });

  it('cancels: nothing more is sent, and « Reprendre » finishes without duplicates', () => {
    const { runtime, accounts } = addonRuntime(150, { dailyQuota: 1500 });
    const first = runtime.runFromClient('startMail', [request, 'sidebar-1']) as {
      ok: true;
      value: { jobId: string };
    };
    const cancelled = runtime.runFromClient('cancelMail', [first.value.jobId]) as {
      ok: true;
      value: { done: boolean; result: { state: string; sent: number } };
    };
    expect(cancelled.value).toMatchObject({ done: true, result: { state: 'cancelled', sent: 50 } });
    const after = runtime.runFromClient('continueMail', [first.value.jobId]) as {
      ok: true;
      value: { done: boolean };
    };
    expect(after.value.done).toBe(true);
    expect(runtime.counters.get('GmailApp.sendEmail')).toBe(50);
    expect(runAsSidebarResume(runtime)).toMatchObject({ state: 'complete' });
    expect(checkCampaign(runtime, accounts)).toMatchObject({ duplicates: 0, lost: 0 });
  });
});

describe('the confirmation and the test e-mail', () => {
  it('counts what will be sent, skipped and what waits, with the remaining quota', () => {
    const { runtime } = addonRuntime(60, { dailyQuota: 40 });
    const reply = runtime.runFromClient('planMail', [request]) as { ok: true; value: unknown };
    expect(reply.value).toMatchObject({
      total: 60,
      toSend: 40,
      waitingQuota: 11,
      skippedNoEmail: 6,
      skippedInvalid: 3,
      alreadySent: 0,
      remainingQuota: 40,
      unfinished: false,
    });
    expect(runtime.counters.get('GmailApp.sendEmail')).toBe(0);
    expect(runtime.stores.spreadsheet.sheetByName('Journal publipostage')).toBeNull();
  });

  it('sends the two examples to the referent, subject [TEST], sender name and reply-to from the settings', () => {
    const { runtime } = addonRuntime(5, { dailyQuota: 100 });
    const saved = runtime.runFromClient('saveSettings', [
      {
        entName: 'Mon ENT',
        entUrl: 'https://ent.example.org',
        schoolName: 'Collège Victor Hugo',
        contact: 'Vie scolaire',
        senderName: 'Référent ENT',
        replyTo: 'ent@college.example.org',
      },
    ]) as { ok: boolean };
    expect(saved.ok).toBe(true);
    const reply = runtime.runFromClient('sendTestMail', []) as { ok: true; value: unknown };
    expect(reply.value).toEqual({ to: 'referent.ent@example.org', count: 2, remainingQuota: 98 });
    const sent = runtime.stores.outbox;
    expect(sent.map((m) => m.subject.slice(0, 7))).toEqual(['[TEST] ', '[TEST] ']);
    expect(sent.every((m) => m.to === 'referent.ent@example.org')).toBe(true);
    expect(sent[0]).toMatchObject({ name: 'Référent ENT', replyTo: 'ent@college.example.org' });
    expect(sent[0]!.body).toContain('a7k2m9q');
    expect(sent[1]!.body).not.toContain('a7k2m9q');
  });

  it('says so in French when the quota is spent', () => {
    const { runtime } = addonRuntime(5, { dailyQuota: 1 });
    const reply = runtime.runFromClient('sendTestMail', []) as {
      ok: false;
      error: { message: string };
    };
    expect(reply.error.message).toMatch(/quota/);
    expect(runtime.stores.outbox).toHaveLength(0);
  });
});
