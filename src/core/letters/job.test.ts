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
  lettersPerStep,
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
  it('cuts 1,700 cards into 800 + 800 + 100, named « partie k sur 3 »', () => {
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

  it('exactly 100 pages is one part without « partie »', () => {
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
  it('appends whole pages, far under the budget, at least a page', () => {
    expect(lettersPerStep(1)).toBe(31);
    expect(lettersPerStep(2) % 2).toBe(0);
    expect(lettersPerStep(8) % 8).toBe(0);
    expect(lettersPerStep(8, 1000)).toBe(8);
  });

  it('walks every part: append, append, export, then the next part; progress counts letters', () => {
    const accounts = many(150);
    const parts = planParts(accounts, 1, 'none', 'fr', NAMES);
    let job = newJob('j', 1, 'none', accounts, NAMES.stamp);
    const seen: string[] = [];
    for (let guard = 0; guard < 20; guard++) {
      const step = nextStep(job, parts, 60);
      if (step.kind === 'done') break;
      if (step.kind === 'append') {
        seen.push(`append ${step.part.part}:${step.from}-${step.to}${step.newDoc ? ' new' : ''}`);
        job = afterAppend(job, step.to, `doc${step.part.part}`, step.to);
      } else {
        seen.push(`export ${step.part.part}`);
        job = afterExport(job, { part: step.part.part } as LetterFile);
      }
    }
    expect(seen).toEqual([
      'append 1:0-60 new',
      'append 1:60-100',
      'export 1',
      'append 2:0-50 new',
      'export 2',
    ]);
    expect(jobProgress(job, parts)).toEqual({ processed: 150, total: 150 });
    expect(job.files).toHaveLength(2);
  });

  it('a Doc that does not hold what the last good step left restarts its part', () => {
    const accounts = many(10);
    const job = afterAppend(newJob('j', 1, 'none', accounts, ''), 5, 'doc1', 42);
    expect(reconcile(job, 42)).toEqual({ job, discard: null });
    const after = reconcile(job, 57);
    expect(after.discard).toBe('doc1');
    expect(after.job).toMatchObject({ docId: null, next: 0, children: 0 });
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
  const start = newJob('j', 1, 'none', accounts, NAMES.stamp);
  const file = { part: 1 } as LetterFile;

  it('names the file under way, then its conversion, then the count once done', () => {
    expect(lettersJobStatus(start, parts, false, 'fr')).toEqual({
      done: false,
      processed: 0,
      total: 150,
      label: 'Fichier 1 sur 2 (Sélection)',
    });
    const full = afterAppend(start, 100, 'doc1', 100);
    expect(lettersJobStatus(full, parts, false, 'fr')).toMatchObject({
      processed: 100,
      label: `Conversion en PDF : ${parts[0]!.name}`,
    });
    expect(lettersJobStatus(afterExport(full, file), parts, false, 'en').label).toBe(
      'File 2 of 2 (Sélection)',
    );
    const done = afterExport(afterExport(full, file), file);
    expect(lettersJobStatus(done, parts, true, 'fr')).toEqual({
      done: true,
      processed: 150,
      total: 150,
      label: '150 courriers dans 2 fichiers.',
      result: { files: [file, file] },
    });
  });

  it('names a single file by its label', () => {
    const one = planParts(many(3), 1, 'none', 'fr', NAMES);
    expect(lettersJobStatus(newJob('j', 1, 'none', many(3), ''), one, false, 'fr').label).toBe(
      'Fichier « Sélection »',
    );
  });
});

describe('abandoned jobs', () => {
  it('are those no step saved for a day, or never dated', () => {
    const now = Date.UTC(2026, 8, 1, 10);
    expect(isAbandoned(now - 60_000, now)).toBe(false);
    expect(isAbandoned(now - ABANDONED_AFTER_MS, now)).toBe(false);
    expect(isAbandoned(now - ABANDONED_AFTER_MS - 1, now)).toBe(true);
    expect(isAbandoned(undefined, now)).toBe(true);
  });
});
