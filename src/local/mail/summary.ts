// What `publipostage mail` tells the referent after a run, in French.
import {
  FAILED,
  SENT,
  SKIPPED_INVALID,
  SKIPPED_NO_EMAIL,
  UNVERIFIED,
  WAITING_QUOTA,
} from '../../core/mail/journal';
import { count } from '../../core/plural';
import type { OutboxCampaignResult } from './outbox';

export function mailSummary(result: OutboxCampaignResult, outbox: string): string {
  const c = result.report.counts;
  const lines = [
    `Campagne « ${result.campaignId} » : ${count(result.report.total, 'compte', 'comptes')}.`,
    `  envoyés : ${c[SENT]} (${result.sent} lors de cette exécution)`,
    `  ignorés, sans courriel : ${c[SKIPPED_NO_EMAIL]}`,
    `  ignorés, courriel invalide : ${c[SKIPPED_INVALID]}`,
    `  échecs : ${c[FAILED]}`,
  ];
  if (c[UNVERIFIED] > 0) lines.push(`  à vérifier : ${c[UNVERIFIED]} (voir le journal)`);
  if (c[WAITING_QUOTA] > 0) {
    lines.push(
      `  en attente : quota : ${c[WAITING_QUOTA]} — relancez la même commande pour les envoyer.`,
    );
  }
  lines.push(
    `Boîte d'envoi : ${outbox} (${count(result.files, 'message', 'messages')}), journal : ${result.journalPath}`,
  );
  if (result.sent === 0 && c[SENT] > 0 && c[WAITING_QUOTA] === 0) {
    lines.push('Rien de nouveau à envoyer : chaque compte de la campagne a déjà son message.');
  }
  return `${lines.join('\n')}\n`;
}
