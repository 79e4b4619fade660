// The add-on's entry points: every export becomes a top-level function of dist/Code.js
// (scripts/build.mjs generates them), callable from a menu, a trigger or google.script.run.
export { onOpen, onInstall, showSidebar } from './menu';
export { getSource, runPreview, exportSelection } from './sidebar-api';
export { planSelection, writePreviewRows } from './preview-steps';
export { getSettings, saveSettings } from './settings';
export { beginImport, appendImport, finishImport, abortImport } from './import';
export { getTexts, saveText, resetText, getTextExamples } from './texts';
export { startLetters, continueLetters, cancelLetters, pendingLetters } from './letters';
export { sharePreview } from './share';
export {
  planMail,
  sendTestMail,
  startMail,
  continueMail,
  resumeMail,
  cancelMail,
  resumeMailFromTrigger,
} from './mail';
