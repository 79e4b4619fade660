// « Lancer le prétraitement » in steps (issue 16): a count first, then the preview tab written a
// chunk of rows per call, the same tab as runPreview's single call, cell by cell.
import { describe, expect, it } from 'vitest';
import { AppsScriptRuntime } from '../../src/local/emulator/runtime';
import { spreadsheetFromRows } from '../../src/local/emulator/import';
import type { PreviewProgress, Reply, SelectionPlan } from '../../src/core/contract';
import { readDist } from '../helpers/dist';
import { schoolRows } from '../helpers/school';

function runtimeOn(rows: string[][]) {
  return new AppsScriptRuntime({
    code: readDist('Code.js'),
    spreadsheet: spreadsheetFromRows(rows, 'Export'),
  });
}

function request(overrides = {}) {
  return { sheetName: 'Export', filters: {}, sort: 'alpha', showCodes: false, ...overrides };
}

/** Everything a referent sees of the preview tab but its first line (the time of the run). */
function tabOf(rt: AppsScriptRuntime) {
  const sheet = rt.stores.spreadsheet.getSheetByName('Aperçu publipostage')!;
  const range = sheet.getDataRange();
  return {
    values: range.getValues().slice(1),
    backgrounds: range.getBackgrounds(),
    weights: range.getFontWeights(),
    frozen: sheet.getFrozenRows(),
    filter: sheet.getFilter()?.getRange().getA1Notation(),
  };
}

/** The sidebar's loop: from 0, chunk after chunk, the fingerprint handed on. */
function writeInSteps(rt: AppsScriptRuntime, req: ReturnType<typeof request>) {
  const steps: PreviewProgress[] = [];
  let fingerprint: string | null = null;
  let from = 0;
  for (;;) {
    const reply = rt.runFromClient('writePreviewRows', [
      req,
      from,
      fingerprint,
    ]) as unknown as Reply<PreviewProgress>;
    if (!reply.ok) throw new Error(reply.error.message);
    steps.push(reply.value);
    if (reply.value.done) return steps;
    fingerprint = reply.value.fingerprint;
    from = reply.value.written;
  }
}

describe('the preview in steps', () => {
  it('writes 1,000 rows a step and ends with the very tab runPreview writes in one call', () => {
    const rows = schoolRows(1000);
    const req = request({ sort: 'class' });
    const once = runtimeOn(rows);
    expect((once.runFromClient('runPreview', [req]) as unknown as Reply<unknown>).ok).toBe(true);
    const stepped = runtimeOn(rows);
    const steps = writeInSteps(stepped, req);
    const total = steps[0]!.total;
    expect(total).toBeGreaterThan(2000);
    expect(steps.map((s) => s.written)).toEqual(
      Array.from({ length: Math.ceil(total / 1000) }, (_, i) => Math.min(total, (i + 1) * 1000)),
    );
    expect(steps[0]!.replaced).toBe(false);
    expect(steps.at(-1)!.summary.total).toBe(total);
    expect(tabOf(stepped)).toEqual(tabOf(once));
  });

  it('costs the same Sheets calls per step whatever the school’s size', () => {
    const cost = (students: number) => {
      const rt = runtimeOn(schoolRows(students));
      rt.runFromClient('writePreviewRows', [request(), 0, null]);
      rt.counters.reset();
      const reply = rt.runFromClient('writePreviewRows', [
        request(),
        1000,
        null,
      ]) as unknown as Reply<PreviewProgress>;
      expect(reply.ok).toBe(true);
      return rt.counters.snapshot();
    };
    const small = cost(1_000);
    expect(small['Range.setValues']).toBe(1);
    expect(small['Range.getValues']).toBe(1);
    expect(cost(5_000)).toEqual(small);
  });

  it('refuses a step when the sheet changed since the first, in French', () => {
    const rt = runtimeOn(schoolRows(600));
    const first = rt.runFromClient('writePreviewRows', [
      request(),
      0,
      null,
    ]) as unknown as Reply<PreviewProgress>;
    expect(first.ok && !first.value.done).toBe(true);
    if (!first.ok) return;
    // A row removed from the export between two steps.
    rt.stores.spreadsheet.getSheetByName('Export')!.deleteRows(5, 1);
    const next = rt.runFromClient('writePreviewRows', [
      request(),
      first.value.written,
      first.value.fingerprint,
    ]) as unknown as Reply<PreviewProgress>;
    expect(next).toEqual({
      ok: false,
      error: {
        message:
          'La feuille des comptes a changé pendant l’écriture de l’aperçu\u00a0: relancez «\u00a0Lancer le prétraitement\u00a0».',
      },
    });
  });

  it('counts without writing, and says which filters to relax for an empty selection', () => {
    const rt = runtimeOn(schoolRows(20));
    const plan = rt.runFromClient('planSelection', [
      request({
        filters: { profiles: ['Teacher'], activation: 'not-activated', email: 'without' },
      }),
    ]) as unknown as Reply<SelectionPlan>;
    expect(plan.ok).toBe(true);
    if (!plan.ok) return;
    expect(plan.value.total).toBe(0);
    expect(plan.value.accountCount).toBeGreaterThan(0);
    // Teachers have an address and no code: only relaxing the profile brings accounts back.
    expect(plan.value.relax.map((r) => r.group)).toEqual(['profiles', 'activation', 'email']);
    expect(plan.value.relax[0]!.count).toBeGreaterThan(0);
    expect(plan.value.relax.slice(1).map((r) => r.count)).toEqual([0, 0]);
    expect(rt.stores.spreadsheet.getSheetByName('Aperçu publipostage')).toBeNull();
    const all = rt.runFromClient('planSelection', [request()]) as unknown as Reply<SelectionPlan>;
    expect(all.ok && all.value.total === all.value.accountCount && all.value.relax).toEqual([]);
  });
});
