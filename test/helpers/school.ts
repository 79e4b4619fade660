// A synthetic school export of any size, for tests that need many accounts (not realism:
// bench/generate.py makes realistic files).
const LEVELS = ['6EME', '5EME', '4EME', '3EME'];
export const EXPORT_HEADER = [
  'Type',
  'Nom',
  'Prénom',
  'Identifiant',
  "Code d'activation",
  'Courriel',
  'Classes',
  'Enfants',
  'Date de création',
];

/** `students` pupils in 4 levels × 6 classes, one parent each, one teacher per 20 pupils. */
export function schoolRows(students: number): string[][] {
  const rows = [EXPORT_HEADER];
  for (let i = 0; i < students; i++) {
    const level = LEVELS[i % LEVELS.length]!;
    const klass = `${level} ${1 + (Math.floor(i / LEVELS.length) % 6)}`;
    const last = `NOM${i}`;
    const code = i % 5 === 0 ? '' : `c${(i * 7919).toString(36)}`;
    rows.push(['Élève', last, `Eleve${i}`, `eleve.${i}`, code, '', klass, '', '01/09/2025']);
    const email =
      i % 3 === 0 ? '' : i % 7 === 0 ? `parent.${i}@invalide` : `parent.${i}@example.org`;
    rows.push([
      'Parent',
      last,
      `Parent${i}`,
      `parent.${i}`,
      `p${i}`,
      email,
      '',
      `Eleve${i} ${last}`,
      '02/09/2025',
    ]);
    if (i % 20 === 0) {
      rows.push([
        'Enseignant',
        `PROF${i}`,
        'Ada',
        `prof.${i}`,
        '',
        `prof.${i}@example.org`,
        klass,
        '',
        '03/09/2024',
      ]);
    }
  }
  return rows;
}
