// The text editor's preview data (issue 17), read once when the editor opens: the settings and a
// few accounts of the current selection per variant. The sidebar then renders every keystroke
// itself with the core, with no server call.
import type { Reply, SelectionRequest, TextExamplesView } from '../core/contract';
import { textExamples } from '../core/text-examples';
import { language, readSelection } from './selection';
import { readSettings } from './settings';

export function getTextExamples(request: SelectionRequest): Reply<TextExamplesView> {
  const selection = readSelection(SpreadsheetApp.getActiveSpreadsheet(), request);
  if (!selection.ok) return selection;
  return {
    ok: true,
    value: {
      language: language(),
      settings: readSettings(),
      total: selection.value.accounts.length,
      examples: textExamples(selection.value.accounts, { showCodes: request.showCodes }),
    },
  };
}
