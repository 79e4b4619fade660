// The letters model (SPEC §4), for the PDF renderer and the Google Doc builder.
export * from './model';
export { buildLetters, type LetterOptions } from './build';
export { pageGeometry, pageCount, A4 } from './geometry';
export { stylesFor } from './styles';
export { estimateWidth, type Measure } from './metrics';
export { wrapRuns, shortenRuns, runFont, ELLIPSIS } from './wrap';
export { blocksHeight, ACCOUNT_KINDS } from './fit';
export { variantOf } from './content';
export { roleParts } from '../present';
export { splitAccounts, safeFileName, type SplitBy, type LetterGroup } from './split';
export * from './doc';
export * from './job';
