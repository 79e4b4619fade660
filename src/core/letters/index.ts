// The letters model (SPEC §4), for the PDF renderer and the Google Doc builder.
export * from './model';
export { buildLetters } from './build';
export { pageCount } from './geometry';
export { type Measure } from './metrics';
export { wrapRuns, shortenRuns } from './wrap';
export { splitAccounts, type SplitBy } from './split';
export * from './doc';
export * from './docs-requests';
export * from './check';
export * from './frozen';
export * from './job';
export { undrawnCharacters, type HasGlyph, type UndrawnLetter } from './glyphs';
