import { describe, expect, it } from 'vitest';
import { makeAccount } from '../../../test/helpers/accounts';
import {
  ABANDONED_AFTER_MS,
  afterAppend,
  afterExport,
  fingerprint,
  isAbandoned,
  jobProgress,
  lettersJobStatus,
  newJob,
  nextStep,
  planParts,
  reconcile,
  type LetterFile,
} from './job';

const NAMES = {
  prefix: 'Courriers ENT',
  partOf: (part: number, count: number) => `partie ${part} sur ${count}`,
  all: 'Sélection',
  stamp: '2026-09-01 10-00',
};
const many = (n: number, classes = ['6EME 1']) =>
  Array.from({ length: n }, (_, i) => makeAccount({ login: `l${i}`, classes }));

describe('parts of at most 100 pages', () => {
  it('cuts 1,700 cards into 800 + 800 + 100, named « partie k sur 3 »', () => {
    const parts = planParts(many(1700), 8, 'none', 'fr', NAMES);
    expect(parts.map((p) => p.accounts.length)).toEqual([800, 800, 100]);
    expect(parts.map((p) => p.name)).toEqual([
      'Courriers ENT – Sélection – partie 1 sur 3 – 2026-09-01 10-00',
      'Courriers ENT – Sélection – partie 2 sur 3 – 2026-09-01 10-00',
      'Courriers ENT – Sélection – partie 3 sur 3 – 2026-09-01 10-00',
    ]);
    expect(parts.flatMap((p) => p.accounts).map((a) => a.login)).toEqual(
      many(1700).map((a) => a.login),
    );
  });

  it('exactly 100 pages is one part without « partie »', () => {
    const parts = planParts(many(100), 1, 'none', 'fr', NAMES);
    expect(parts.map((p) => [p.name, p.partCount])).toEqual([
      ['Courriers ENT – Sélection – 2026-09-01 10-00', 1],
    ]);
  });

  it('per class: one part per class named after it, parents in each child’s class', () => {
    const accounts = [
      makeAccount({ login: 'a', classes: ['6EME 10'] }),
      makeAccount({ login: 'b', classes: ['6EME 2'] }),
      makeAccount({
        login: 'p',
        profile: 'Relative',
        children: ['x'],
        classes: ['6EME 2', '6EME 10'],
      }),
      makeAccount({ login: 't', profile: 'Teacher', classes: ['6EME 2'] }),
    ];
    const parts = planParts(accounts, 2, 'class', 'fr', NAMES);
    expect(parts.map((p) => [p.label, p.accounts.map((a) => a.login).join('')])).toEqual([
      ['6EME 2', 'bp'],
      ['6EME 10', 'ap'],
      ['Hors classe', 't'],
    ]);
    expect(parts[1]!.name).toBe('Courriers ENT – 6EME 10 – 2026-09-01 10-00');
    expect(planParts(accounts, 2, 'profile', 'fr', NAMES).map((p) => p.label)).toEqual([
      'Élève',
      'Enseignant',
      'Parent',
    ]);
  });
});

describe('steps', () => {
  it('walks every part: appends, export, then the next part; progress counts letters', () => {
    const accounts = many(150);
    const parts = planParts(accounts, 1, 'none', 'fr', NAMES);
    let job = newJob('j', 'sheet', 1, 'none', accounts, parts, NAMES.stamp);
    expect(job).toMatchObject({ total: 150, done: 0, spreadsheetId: 'sheet', docId: null });
    const seen: string[] = [];
    for (let guard = 0; guard < 20; guard++) {
      const step = nextStep(job, parts);
      if (step.kind === 'done') break;
      if (step.kind === 'append') {
        // As a batchUpdate of 60 letters would.
        const to = Math.min(step.part.accounts.length, step.from + 60);
        seen.push(`append ${step.part.part}:${step.from}-${to}`);
        job = afterAppend(job, to, { id: `doc${step.part.part}`, url: 'u' }, to * 10);
      } else {
        seen.push(`export ${step.part.part}`);
        job = afterExport(job, {
          part: step.part.part,
          letters: step.part.accounts.length,
        } as LetterFile);
      }
    }
    expect(seen).toEqual([
      'append 1:0-60',
      'append 1:60-100',
      'export 1',
      'append 2:0-50',
      'export 2',
    ]);
    expect(jobProgress(job)).toEqual({ processed: 150, total: 150 });
    expect(job).toMatchObject({ done: 150, docId: null, end: 0 });
    expect(job.files).toHaveLength(2);
  });

  it('a Doc that does not end where the last saved batch left it restarts its part', () => {
    const accounts = many(10);
    const parts = planParts(accounts, 1, 'none', 'fr', NAMES);
    const job = afterAppend(
      newJob('j', 's', 1, 'none', accounts, parts, ''),
      5,
      { id: 'doc1', url: 'u' },
      42,
    );
    expect(reconcile(job, 42)).toEqual({ job, discard: null });
    const after = reconcile(job, 57);
    expect(after.discard).toBe('doc1');
    expect(after.job).toMatchObject({ docId: null, next: 0, end: 0 });
    expect(reconcile(job, null).discard).toBe('doc1');
  });

  it('notices a changed selection: order, count or a login', () => {
    const a = many(3);
    expect(fingerprint(a)).toBe(fingerprint(many(3)));
    expect(fingerprint(a)).not.toBe(fingerprint([a[1]!, a[0]!, a[2]!]));
    expect(fingerprint(a)).not.toBe(fingerprint(a.slice(0, 2)));
    expect(fingerprint(a)).not.toBe(fingerprint([a[0]!, a[1]!, makeAccount({ login: 'l9' })]));
  });
});

describe('what the progress says', () => {
  const accounts = many(150);
  const parts = planParts(accounts, 1, 'none', 'fr', NAMES);
  const start = newJob('j', 's', 1, 'none', accounts, parts, NAMES.stamp);
  const file = (letters: number) => ({ part: 1, letters }) as LetterFile;

  it('names the file under way, then its conversion, then the count once done', () => {
    expect(lettersJobStatus(start, parts, false, 'fr')).toEqual({
      done: false,
      processed: 0,
      total: 150,
      label: 'Fichier 1 sur 2 (Sélection)',
    });
    const full = afterAppend(start, 100, { id: 'doc1', url: 'u' }, 100);
    expect(lettersJobStatus(full, parts, false, 'fr')).toMatchObject({
      processed: 100,
      label: `Conversion en PDF : ${parts[0]!.name}`,
    });
    expect(lettersJobStatus(afterExport(full, file(100)), parts, false, 'en')).toMatchObject({
      processed: 100,
      label: 'File 2 of 2 (Sélection)',
    });
    const done = afterExport(afterExport(full, file(100)), file(50));
    expect(lettersJobStatus(done, parts, true, 'fr')).toEqual({
      done: true,
      processed: 150,
      total: 150,
      label: '150 courriers dans 2 fichiers.',
      result: { files: [file(100), file(50)] },
    });
  });

  it('names a single file by its label', () => {
    const one = planParts(many(3), 1, 'none', 'fr', NAMES);
    const job = newJob('j', 's', 1, 'none', many(3), one, '');
    expect(lettersJobStatus(job, one, false, 'fr').label).toBe('Fichier « Sélection »');
  });
});

describe('abandoned jobs', () => {
  it('are those no step saved for 30 days, or never dated', () => {
    const now = Date.UTC(2026, 8, 1, 10);
    expect(isAbandoned(now - 60_000, now)).toBe(false);
    expect(isAbandoned(now - ABANDONED_AFTER_MS, now)).toBe(false);
    expect(isAbandoned(now - ABANDONED_AFTER_MS - 1, now)).toBe(true);
    expect(isAbandoned(undefined, now)).toBe(true);
  });
});
