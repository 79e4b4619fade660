// The filters of a selection said in one sentence, for the preview tab the direction reads.
import { messages } from './i18n';
import { profileLabel, type Language } from './present';
import { displayDate } from './dates';
import type { Filters } from './types';

function list(items: readonly string[], language: Language): string {
  if (items.length <= 1) return items.join('');
  const and = language === 'fr' ? ' et ' : ' and ';
  return `${items.slice(0, -1).join(', ')}${and}${items[items.length - 1]}`;
}

export function filtersSentence(filters: Filters, language: Language): string {
  const m = messages(language).filterSentence;
  const parts: string[] = [];
  if (filters.profiles?.length) {
    parts.push(
      m.profiles(
        list(
          filters.profiles.map((p) => profileLabel(p, language)),
          language,
        ),
      ),
    );
  }
  if (filters.levels?.length) parts.push(m.levels(list(filters.levels, language)));
  if (filters.classes?.length) parts.push(m.classes(list(filters.classes, language)));
  if (filters.activation === 'activated') parts.push(m.activated);
  if (filters.activation === 'not-activated') parts.push(m.notActivated);
  if (filters.email === 'with') parts.push(m.withEmail);
  if (filters.email === 'without') parts.push(m.withoutEmail);
  if (filters.localAdmins) parts.push(m.localAdmins);
  if (filters.createdAfter) parts.push(m.createdAfter(displayDate(filters.createdAfter)));
  if (filters.createdBefore) parts.push(m.createdBefore(displayDate(filters.createdBefore)));
  if (filters.blocked === 'blocked') parts.push(m.blocked);
  if (filters.blocked === 'not-blocked') parts.push(m.notBlocked);
  return parts.length === 0 ? m.none : parts.join(messages(language).typography.separator);
}
