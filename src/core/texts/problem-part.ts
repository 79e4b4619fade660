// Where a problem of a text shows in the editor: the core counts the lines of the stored form (an
// e-mail's body starts after its subject), the referent sees a subject field and a text field.
import { splitMailSource, type TextFormat } from './catalog';
import type { TextProblem } from './template';

export interface PlacedProblem {
  part: 'subject' | 'body';
  message: string;
}

/** A problem said of the field the referent edits: « Objet » for the subject, the text's own line. */
export function placeProblem(
  format: TextFormat,
  source: string,
  problem: Pick<TextProblem, 'line' | 'message'>,
): PlacedProblem {
  if (format !== 'mail' || problem.line === null) return { part: 'body', message: problem.message };
  const { bodyLine } = splitMailSource(source);
  if (problem.line < bodyLine) {
    return {
      part: 'subject',
      message: problem.message.replace(/^Ligne \d+\s*:\s*/, 'Objet\u00a0: '),
    };
  }
  const line = problem.line - bodyLine + 1;
  return { part: 'body', message: problem.message.replace(/^Ligne \d+/, `Ligne ${line}`) };
}
