// The add-on's campaign as Apps Script would run it: dist/Code.js in the emulator's runtime, its
// GmailApp and MailApp with injected faults, the journal tab, the document lock, the trigger.
import { describe, expect, it } from 'vitest';
import {
  addonRuntime,
  checkCampaign,
  journalRows,
  request,
  runAsSidebar,
  SETTINGS,
  campaignRecord,
} from '../helpers/mail-addon';

describe('properties cut short or edited by hand', () => {
  it('read as none: the campaign starts, the settings are the defaults', () => {
    const { runtime, accounts } = addonRuntime(10, { dailyQuota: 1500 });
    runtime.stores.spreadsheet.addDeveloperMetadata('publipostage.mail.campaign', '{"id":');
    runtime.stores.properties.document.setProperty('publipostage.settings', '{"entName"');
    const settings = runtime.runFromClient('getSettings', []) as { ok: boolean };
    expect(settings.ok).toBe(true);
    // The defaults hold example values: e-mails are refused until the referent fills them in.
    expect(() => runAsSidebar(runtime)).toThrow(/est un exemple.*Renseignez les réglages/);
    runtime.runFromClient('saveSettings', [SETTINGS]);
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
    expect(row.Erreur).toBe('Invalid email: eleve.0003@example.org (après 3 tentatives)');
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
  return (JSON.parse(campaignRecord(runtime)) as { state: string }).state;
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
    // The tab is made text (the time a date) once, and grown once past its first thousand rows.
    expect(runtime.counters.get('Range.setNumberFormat')).toBe(4);
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
  it('refuses a second window while the script lock is held elsewhere', () => {
    const { runtime } = addonRuntime(10, { dailyQuota: 100 });
    runtime.stores.locks.script.heldElsewhere = true;
    const reply = runtime.runFromClient('startMail', [request, 'sidebar-1']) as {
      ok: boolean;
      error: { message: string };
    };
    expect(reply.ok).toBe(false);
    expect(reply.error.message).toMatch(/déjà en cours sur ce classeur/);
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
        entUrl: 'https://ent.college-hugo.fr',
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

describe('issue 12 #3: the hourly resume of an add-on, without a document', () => {
  it('opens its spreadsheet by the id kept for the trigger, and resumes there', () => {
    const { runtime, accounts } = addonRuntime(60, { dailyQuota: 20 });
    runAsSidebar(runtime);
    const trigger = runtime.stores.triggers.triggers[0]!;
    expect(trigger.documentId).toBe(runtime.stores.spreadsheet.id);
    expect(
      runtime.stores.properties.user.getProperty(`publipostage.mail.trigger.${trigger.id}`),
    ).toBe(runtime.stores.spreadsheet.id);
    runtime.stores.mail.nextDay();
    runtime.runTrigger(trigger.id);
    runtime.stores.mail.nextDay();
    runtime.runTrigger(runtime.stores.triggers.triggers[0]!.id);
    expect(runtime.stores.triggers.triggers).toHaveLength(0);
    // Its user property goes with it: nothing grows.
    expect(runtime.stores.properties.user.getKeys()).toEqual([]);
    expect(checkCampaign(runtime, accounts)).toMatchObject({ duplicates: 0, lost: 0 });
  });

  it('a campaign ending in one spreadsheet leaves another spreadsheet’s trigger alone', () => {
    const { runtime } = addonRuntime(30, { dailyQuota: 1000 });
    // The same user's resume trigger in another spreadsheet.
    runtime.stores.triggers.add({
      handler: 'resumeMailFromTrigger',
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: '',
      schedule: ['everyHours(1)'],
      owner: 'referent.ent@example.org',
      documentId: 'another-spreadsheet',
    });
    runAsSidebar(runtime);
    expect(runtime.stores.triggers.triggers.map((t) => t.documentId)).toEqual([
      'another-spreadsheet',
    ]);
  });

  it('two referents on one spreadsheet plus the trigger never send a message twice', () => {
    const { runtime, accounts } = addonRuntime(150, {
      dailyQuota: 40,
      stopAfterSends: 7,
      stops: 3,
    });
    const other = 'adjointe@example.org';
    const as = (user: string | null, name: string, args: unknown[]) => {
      try {
        const call = () => runtime.runFromClient(name, args) as { ok: boolean };
        return user ? runtime.asUser(user, call) : call();
      } catch (error) {
        expect((error as Error).message).toBe("Temps d'exécution maximal dépassé");
        return { ok: false };
      }
    };
    // Referent A starts; B tries at once (refused while A's run is alive), then both go on.
    as(null, 'startMail', [request, 'a']);
    expect(as(other, 'startMail', [request, 'b']).ok).toBe(false);
    for (let round = 0; round < 40; round++) {
      runtime.stores.mail.nextDay();
      as(null, 'resumeMail', ['a']);
      as(other, 'resumeMail', ['b']);
      as(null, 'continueMail', ['a']);
      as(other, 'continueMail', ['b']);
      for (const trigger of [...runtime.stores.triggers.triggers]) {
        try {
          runtime.runTrigger(trigger.id);
        } catch (error) {
          expect((error as Error).message).toBe("Temps d'exécution maximal dépassé");
        }
      }
    }
    const tally = checkCampaign(runtime, accounts);
    expect(tally).toMatchObject({ duplicates: 0, lost: 0 });
    // Both referents sent part of it.
    const senders = new Set(runtime.stores.outbox.map((m) => m.from));
    expect(senders.size).toBe(2);
  });
});

describe('issue 14 #1: the journal is a queue across selections', () => {
  it('a second selection while the first waits for quota: both classes get their messages', () => {
    const { runtime, accounts } = addonRuntime(60, { dailyQuota: 20 });
    // Two classes, as two selections (the first 30 accounts, then the next 30).
    const odd = { ...request, logins: accounts.slice(0, 30).map((a) => a.login) };
    const even = { ...request, logins: accounts.slice(30).map((a) => a.login) };
    const first = runtime.runFromClient('startMail', [odd, 'r1']) as { ok: boolean };
    expect(first.ok).toBe(true);
    let reply = first as { ok: true; value: { done: boolean; jobId: string } };
    while (!reply.value.done) reply = runtime.runFromClient('continueMail', ['r1']) as typeof reply;
    runtime.stores.mail.nextDay();
    const confirmation = runtime.runFromClient('planMail', [even]) as {
      ok: true;
      value: { fromEarlier: number; total: number };
    };
    expect(confirmation.value.total).toBe(30);
    expect(confirmation.value.fromEarlier).toBeGreaterThan(0);
    reply = runtime.runFromClient('startMail', [even, 'r2']) as typeof reply;
    while (!reply.value.done) reply = runtime.runFromClient('continueMail', ['r2']) as typeof reply;
    for (let day = 0; day < 6 && runtime.stores.triggers.triggers.length > 0; day++) {
      runtime.stores.mail.nextDay();
      runtime.runTrigger(runtime.stores.triggers.triggers[0]!.id);
    }
    const rows = journalRows(runtime);
    expect(rows.filter((r) => r.Erreur!.includes('absent'))).toEqual([]);
    expect(checkCampaign(runtime, accounts)).toMatchObject({ duplicates: 0, lost: 0 });
  });
});

describe('issue 14 #3: the journal tab edited or deleted', () => {
  for (const edit of ['renamed', 'deleted', 'rows deleted'] as const) {
    it(`the tab ${edit}: nobody already served is sent again`, () => {
      const { runtime, accounts } = addonRuntime(80, { dailyQuota: 30 });
      runAsSidebar(runtime);
      const sheet = runtime.stores.spreadsheet.sheetByName('Journal publipostage')!;
      if (edit === 'renamed') sheet.name = 'Ancien journal';
      if (edit === 'deleted') runtime.stores.spreadsheet.deleteSheet(sheet as never);
      if (edit === 'rows deleted') {
        for (let r = 2; r <= 20; r++) for (let c = 1; c <= 8; c++) sheet.writable(r, c).value = '';
      }
      for (let day = 0; day < 6 && runtime.stores.triggers.triggers.length > 0; day++) {
        runtime.stores.mail.nextDay();
        runtime.runTrigger(runtime.stores.triggers.triggers[0]!.id);
      }
      const delivered = new Map<string, number>();
      for (const m of runtime.stores.outbox) delivered.set(m.to, (delivered.get(m.to) ?? 0) + 1);
      expect([...delivered.values()].filter((n) => n > 1)).toEqual([]);
      const valid = accounts.filter((a) => a.address === 'valid').map((a) => a.email);
      expect(valid.every((email) => delivered.get(email) === 1)).toBe(true);
    });
  }
});

describe('no unbounded value in properties or metadata', () => {
  it('a 10,000-account school keeps the campaign record and the user properties small', () => {
    const { runtime } = addonRuntime(10_000, { dailyQuota: 100 });
    runAsSidebar(runtime);
    expect(campaignRecord(runtime).length).toBeLessThan(4000);
    const user = runtime.stores.properties.user;
    for (const key of user.getKeys()) expect(user.getProperty(key)!.length).toBeLessThan(200);
    const doc = runtime.stores.properties.document;
    for (const key of doc.getKeys()) expect(doc.getProperty(key)!.length).toBeLessThan(2000);
  }, 60_000);
});

describe('issue 14 #2: example settings', () => {
  it('refuse the campaign and the test e-mail in French, as the letters ask first', () => {
    const { runtime } = addonRuntime(10, { dailyQuota: 100 });
    runtime.stores.properties.document.deleteProperty('publipostage.settings');
    for (const [name, args] of [
      ['planMail', [request]],
      ['startMail', [request, 'r']],
      ['sendTestMail', []],
    ] as const) {
      const reply = runtime.runFromClient(name, [...args]) as {
        ok: boolean;
        error: { message: string };
      };
      expect(reply.ok, name).toBe(false);
      expect(reply.error.message).toMatch(/«\u00a0https:\/\/ent\.example\u00a0» est un exemple/);
    }
    expect(runtime.stores.outbox).toEqual([]);
  });
});

describe('issue 14 #4: the settings changed between a stopped step and « Reprendre »', () => {
  it('finds what left by its reference, and sends nobody twice', () => {
    const { runtime, accounts } = addonRuntime(80, {
      dailyQuota: 1500,
      stopAfterSends: 9,
      stops: 1,
    });
    expect(() => runtime.runFromClient('startMail', [request, 'r1'])).toThrow(
      "Temps d'exécution maximal dépassé",
    );
    runtime.runFromClient('saveSettings', [{ ...SETTINGS, entName: 'Nouveau nom de l’ENT' }]);
    let reply = runtime.runFromClient('resumeMail', ['r1']) as {
      ok: true;
      value: { done: boolean; jobId: string };
    };
    while (!reply.value.done) reply = runtime.runFromClient('continueMail', ['r1']) as typeof reply;
    expect(checkCampaign(runtime, accounts)).toMatchObject({ duplicates: 0, lost: 0 });
    expect(runtime.counters.get('GmailApp.search')).toBeGreaterThan(0);
  });
});

describe('issue 14 #6: what the referent reads', () => {
  it('the journal’s times are dates; the result says what this run sent; the confirmation restates the selection', () => {
    const { runtime } = addonRuntime(60, { dailyQuota: 30 });
    const confirmation = runtime.runFromClient('planMail', [request]) as {
      ok: true;
      value: { selection: string; total: number };
    };
    expect(confirmation.value).toMatchObject({
      selection: 'aucun filtre : tous les comptes',
      total: 60,
    });
    runAsSidebar(runtime);
    const sheet = runtime.stores.spreadsheet.sheetByName('Journal publipostage')!;
    expect(sheet.cell(2, 2).value).toBeInstanceOf(Date);
    runtime.stores.mail.nextDay();
    const resumed = runtime.runFromClient('resumeMail', ['sidebar-1']) as {
      ok: true;
      value: { result?: { sent: number; sentNow: number } };
    };
    let value = resumed.value as { done?: boolean; result?: { sent: number; sentNow: number } };
    while (!value.done) {
      value = (runtime.runFromClient('continueMail', ['sidebar-1']) as { value: typeof value })
        .value;
    }
    expect(value.result).toMatchObject({ sent: 51, sentNow: 21 });
  });
});

describe('issue 14 #6: the confirmation and the last preview', () => {
  it('says when the selection is not the one the preview tab shows', () => {
    const { runtime } = addonRuntime(40, { dailyQuota: 100 });
    const plan = (r: typeof request) =>
      (runtime.runFromClient('planMail', [r]) as { value: { differsFromPreview: boolean } }).value;
    // No preview yet: nothing to compare.
    expect(plan(request).differsFromPreview).toBe(false);
    expect((runtime.runFromClient('runPreview', [request]) as { ok: boolean }).ok).toBe(true);
    expect(plan(request).differsFromPreview).toBe(false);
    const other = { ...request, filters: { email: 'with' as const } };
    expect(plan(other).differsFromPreview).toBe(true);
  });
});
