// What any `preview --json` must do, with none of SPEC's rules: read and split the export, one
// object per row with the JSON's fields, sort by names, write the JSON. Not a product: a measure
// of how much of preview's time the rules themselves take (docs/DECISIONS.md, "Benchmark").
//   node bench/lower-bound.mjs bench/out/lycee-32200-66.csv > /dev/null
// It reads the bench file's own layout (every field quoted, `;`, the columns' order), nothing
// else: no parents' classes, levels, duplicates, warnings, accents in keys or other formats.
import { readFileSync } from 'node:fs';
import { TextDecoder } from 'node:util';

const QUOTE = 0x22;
const SEMICOLON = 0x3b;
const CR = 0x0d;
const LF = 0x0a;
const COLUMN = {
  type: 2,
  lastName: 3,
  firstName: 4,
  login: 5,
  alias: 6,
  code: 7,
  classes: 10,
  email: 14,
  createdAt: 16,
  localAdmin: 18,
};
const PROFILES = new Map([
  ['Élève', 'Student'],
  ['Parent', 'Relative'],
  ['Enseignant', 'Teacher'],
  ['Personnel', 'Personnel'],
]);

process.stdout.on('error', () => process.exit(0));
const bytes = readFileSync(process.argv[2]);
const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(3));

// The same kind of cache as the loader's: few distinct class cells, days and names.
function cache(make) {
  const known = new Map();
  return (key) => {
    let value = known.get(key);
    if (value === undefined) known.set(key, (value = make(key)));
    return value;
  };
}
const classList = cache((cell) => (cell === '' ? [] : cell.split(',').map((c) => c.trim())));
const day = cache((d) =>
  d.length === 10 ? `${d.slice(6)}-${d.slice(3, 5)}-${d.slice(0, 2)}` : null,
);
const name = cache((n) => n);

const accounts = [];
const row = [];
let header = true;
for (let i = 0; i < text.length;) {
  row.length = 0;
  for (;;) {
    let end;
    if (text.charCodeAt(i) === QUOTE) {
      end = text.indexOf('"', i + 1);
      row.push(text.slice(i + 1, end));
      i = end + 1;
    } else {
      for (end = i; end < text.length; end++) {
        const c = text.charCodeAt(end);
        if (c === SEMICOLON || c === LF || c === CR) break;
      }
      row.push(text.slice(i, end));
      i = end;
    }
    const c = text.charCodeAt(i);
    i += c === CR ? 2 : 1;
    if (c !== SEMICOLON) break;
  }
  if (header) {
    header = false;
    continue;
  }
  const code = row[COLUMN.code];
  const email = row[COLUMN.email];
  const classes = classList(row[COLUMN.classes]);
  accounts.push({
    row: accounts.length + 2,
    login: row[COLUMN.alias] || row[COLUMN.login],
    originalLogin: row[COLUMN.login],
    lastName: name(row[COLUMN.lastName]),
    firstName: name(row[COLUMN.firstName]),
    profile: PROFILES.get(row[COLUMN.type]) ?? row[COLUMN.type],
    activated: code === '',
    activationCode: code === '' ? null : code,
    email: email === '' ? null : email,
    emailStatus: email === '' ? 'missing' : email.indexOf('@') > 0 ? 'valid' : 'invalid',
    classes,
    levels: classes,
    createdAt: day(row[COLUMN.createdAt]),
    localAdmin: row[COLUMN.localAdmin] === 'Oui',
  });
}

// Names ranked once each, accounts sorted by packed ranks, as the product's sort does.
function ranks(nameOf) {
  const ids = new Map();
  const distinct = [];
  const idOf = new Int32Array(accounts.length);
  accounts.forEach((account, k) => {
    const text = nameOf(account);
    let id = ids.get(text);
    if (id === undefined) ids.set(text, (id = distinct.push(text) - 1));
    idOf[k] = id;
  });
  const order = distinct.map((text, id) => [text.toLowerCase(), id]);
  order.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const rankOfId = new Int32Array(distinct.length);
  order.forEach(([, id], rank) => (rankOfId[id] = rank));
  return { of: (k) => rankOfId[idOf[k]], count: distinct.length };
}
const last = ranks((a) => a.lastName);
const first = ranks((a) => a.firstName);
const SCALE = 2 ** 20;
const packed = new Float64Array(accounts.length);
for (let k = 0; k < accounts.length; k++) {
  packed[k] = (last.of(k) * first.count + first.of(k)) * SCALE + k;
}
packed.sort();
const sorted = Array.from(packed, (p) => accounts[p % SCALE]);

process.stdout.write(`{"total":${sorted.length},"accounts":[`);
for (let k = 0; k < sorted.length; k += 4000) {
  const part = JSON.stringify(sorted.slice(k, k + 4000));
  process.stdout.write((k === 0 ? '' : ',') + part.slice(1, -1));
}
process.stdout.write(']}\n');
