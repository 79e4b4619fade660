// The emulator as a library (dist/emulator.cjs): what benchmarks and other Node programs use to
// run dist/Code.js and read its call counts without the server.
export { AppsScriptRuntime, ScriptError, type RuntimeOptions, type ClientValue } from './runtime';
export {
  createGoogleServices,
  SERVICE_MODULES,
  type GoogleServices,
  type Stores,
} from './services';
export { CallCounters } from './counters';
export { spreadsheetFromRows, nameOfImport } from './import';
export { typeInput } from './cell-input';
export { readCsvFile } from '../csv';
export { PROJECT_MANIFEST, parseManifest, type Manifest } from './manifest';
