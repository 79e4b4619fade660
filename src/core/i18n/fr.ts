// Every text the referent reads, in French. en.ts mirrors it key for key (typed by this file).
// Typography: U+00A0 inside « » and before : ; ! ? (docs/DECISIONS.md); counts through count().
import { count, plural } from '../plural';

export const fr = {
  sidebar: {
    title: 'Publipostage des comptes',
    loading: 'Lecture de la feuille…',
    source: 'Source',
    sheet: 'Feuille des comptes',
    accountsFound: (n: number) => count(n, 'compte lu', 'comptes lus'),
    columnsFound: 'Colonnes reconnues',
    warnings: (n: number) => `${count(n, 'avertissement', 'avertissements')} sur les données`,
    columnsMissing: 'Colonnes absentes',
    filters: 'Filtrer la liste',
    profiles: 'Profils',
    levels: 'Niveaux',
    classes: 'Classes',
    classesHint: 'Choisissez d’abord un ou plusieurs niveaux.',
    activation: 'Activation',
    activationAll: 'Tous',
    activationNot: 'Non activés',
    activationDone: 'Activés',
    email: 'Courriel',
    emailAll: 'Tous',
    emailWith: 'Avec courriel',
    emailWithout: 'Sans courriel',
    localAdmins: 'Administrateurs locaux seulement',
    created: 'Date de création',
    createdAfter: 'Créés à partir du',
    createdBefore: 'Créés jusqu’au',
    blocked: 'Comptes bloqués',
    blockedAll: 'Tous',
    blockedOnly: 'Bloqués',
    blockedNot: 'Non bloqués',
    options: 'Options',
    sort: 'Tri',
    sortAlpha: 'Alphabétique',
    sortClass: 'Par classe',
    sortProfile: 'Par profil',
    layout: 'Modèle',
    layout1: '1 par page',
    layout2: '2 par page',
    layout8: '8 par page',
    hideCodes: 'Masquer les codes d’activation',
    preview: 'Lancer le prétraitement',
    exportCsv: 'Exporter la sélection (CSV)',
    previewReplaces: 'Relancer remplace l’onglet « Aperçu publipostage ».',
    working: 'Traitement en cours…',
    open: 'Ouvrir',
    unavailable: 'indisponible',
  },
  summary: {
    total: (n: number) => `${count(n, 'compte sélectionné', 'comptes sélectionnés')} au total`,
    withoutEmail: (n: number) => `${count(n, 'compte', 'comptes')} sans adresse courriel`,
    invalidEmail: (n: number) =>
      count(n, 'adresse courriel invalide', 'adresses courriel invalides'),
    activation: (activated: number, notActivated: number) =>
      `${count(activated, 'activé', 'activés')}, ${count(notActivated, 'non activé', 'non activés')}`,
    duplicates: (n: number) => count(n, 'doublon possible', 'doublons possibles'),
  },
  previewTab: {
    title: 'Aperçu du publipostage',
    generatedAt: (when: string) => `Prétraitement du ${when}`,
    filters: 'Filtres',
    legend: 'Légende',
    headers: [
      'Nom',
      'Prénom',
      'Profil',
      'Login',
      'Statut',
      'Code d’activation',
      'Courriel',
      'Classe(s)',
      'Date de création',
      'Remarque',
    ],
    activated: 'Activé',
    notActivated: 'Non activé',
    remarkMissingEmail: 'courriel manquant',
    remarkInvalidEmail: 'courriel invalide',
    remarkDuplicate: 'doublon possible',
    written: (n: number, tab: string) =>
      `${count(n, 'compte écrit', 'comptes écrits')} dans l’onglet « ${tab} ».`,
  },
  progress: {
    cancel: 'Annuler',
    cancelling: 'Annulation après l’étape en cours…',
    cancelled: 'Annulé. Ce qui a été fait est gardé.',
    stalled: 'Le traitement n’avance plus : réessayez dans un moment.',
    of: (processed: number, total: number) => `${processed} sur ${total}`,
  },
  letters: {
    title: 'Courriers (PDF)',
    generate: 'Générer en PDF',
    split: 'Fichiers',
    splitNone: 'Un seul PDF',
    splitClass: 'Un PDF par classe',
    splitProfile: 'Un PDF par profil',
    hint: 'Un Google Doc et son PDF dans le dossier « Publipostage ENT » de votre Drive ; au-delà de 100 pages, plusieurs parties.',
    placeholderTitle: 'Réglages à vérifier avant de générer',
    placeholderIntro: 'Ces réglages sont encore des exemples :',
    generateAnyway: 'Générer quand même',
    openSettings: 'Ouvrir les réglages',
    // The files' names say the layout, so that two runs are told apart in Drive.
    prefix: (layout: 1 | 2 | 8): string =>
      layout === 8 ? 'Cartes 8 par page' : layout === 2 ? 'Lettres A5' : 'Lettres',
    all: 'Sélection',
    partOf: (part: number, count: number) => `partie ${part} sur ${count}`,
    step: (part: number, count: number, label: string) =>
      count > 1 ? `Fichier ${part} sur ${count} (${label})` : `Fichier « ${label} »`,
    exporting: (label: string) => `Conversion en PDF : ${label}`,
    done: (files: number, letters: number) =>
      `${count(letters, 'courrier', 'courriers')} dans ${count(files, 'fichier', 'fichiers')}.`,
    doc: 'Google Doc',
    pdf: 'PDF',
    pages: (n: number) => count(n, 'page', 'pages'),
    nothingSelected: 'Aucun compte sélectionné : rien à imprimer. Élargissez les filtres.',
    unknownJob:
      'Cette génération n’existe plus (terminée, annulée ou trop ancienne) : relancez « Générer en PDF ».',
    sheetChanged:
      'La feuille des comptes a changé pendant la génération : les fichiers déjà faits sont gardés, relancez « Générer en PDF » pour les autres.',
    busy: 'Une autre génération de courriers est en cours dans ce classeur : attendez qu’elle finisse.',
    needsConfirmation: (message: string) =>
      `${message} Corrigez l’adresse dans les réglages ou confirmez « Générer quand même ».`,
    pendingTitle: (processed: number, total: number) =>
      `Courriers en cours : ${processed} sur ${total}`,
    pendingFiles: 'Fichiers déjà faits :',
    frozenNote:
      'Sélection figée d’une génération de courriers en cours (Publipostage ENT) : ne pas modifier. Cet onglet est supprimé à la fin de la génération.',
    resume: 'Reprendre',
    abandon: 'Abandonner',
    selectionLost:
      'La sélection enregistrée pour cette génération a changé ou est illisible : les fichiers déjà faits sont gardés, relancez « Générer en PDF ».',
    checkFailed: (part: string, detail: string) =>
      `« ${part} » : ${detail} La génération est arrêtée ; ce Google Doc et les fichiers déjà faits sont gardés.`,
    slotName: (letter: boolean, slot: number, page: number) =>
      letter ? `le courrier ${slot}` : `la carte ${slot} (page ${page})`,
    checkMoved: (slot: string, expected: string, found: string) =>
      `${slot} devrait porter l’identifiant « ${expected} », on y trouve « ${found} ».`,
    checkMissing: (slot: string, expected: string) =>
      `${slot} devrait porter l’identifiant « ${expected} », on n’y trouve aucun identifiant.`,
    checkExtra: (slot: string, found: string) =>
      `${slot} devrait être vide, on y trouve « ${found} ».`,
    checkDocPages: (found: number, expected: number) =>
      `le Google Doc a ${count(found, 'page', 'pages')} au lieu de ${expected}.`,
    checkPdfPages: (found: number, expected: number) =>
      `le PDF a ${count(found, 'page', 'pages')} au lieu de ${expected} ; il n’est pas enregistré.`,
  },
  settings: {
    title: 'Réglages des courriers et courriels',
    entName: 'Nom de l’ENT',
    entUrl: 'Adresse de l’ENT',
    schoolName: 'Établissement',
    contact: 'Ligne de contact',
    senderName: 'Nom de l’expéditeur (courriels)',
    replyTo: 'Adresse de réponse (courriels)',
    save: 'Enregistrer les réglages',
    saved: 'Réglages enregistrés pour ce classeur.',
  },
  mail: {
    title: 'Courriel',
    send: 'Envoyer par courriel',
    strategy: 'Courriel pour ceux qui ont une adresse, PDF pour les autres',
    test: 'M’envoyer un test',
    resume: 'Reprendre',
    confirm: 'Confirmer l’envoi',
    cancel: 'Annuler',
    confirmTitle: 'Avant l’envoi',
    toSend: (n: number) =>
      `${count(n, 'message sera envoyé', 'messages seront envoyés')} maintenant`,
    waitingQuota: (n: number) =>
      `${n} en attente : quota (${plural(n, 'envoyé', 'envoyés')} les jours suivants, reprise automatique)`,
    skippedNoEmail: (n: number) => `${count(n, 'ignoré', 'ignorés')} : sans courriel`,
    skippedInvalid: (n: number) => `${count(n, 'ignoré', 'ignorés')} : courriel invalide`,
    alreadySent: (n: number) =>
      `${n} déjà ${plural(n, 'envoyé', 'envoyés')} par cette campagne (${plural(n, 'pas renvoyé', 'pas renvoyés')})`,
    failedToRetry: (n: number) => `dont ${count(n, 'échec retenté', 'échecs retentés')}`,
    unverified: (n: number) =>
      `${n} à vérifier dans vos messages envoyés (jamais ${plural(n, 'renvoyé', 'renvoyés')} automatiquement)`,
    remainingQuota: (n: number) => `Quota restant aujourd’hui : ${count(n, 'message', 'messages')}`,
    unfinished: (id: string) =>
      `La campagne « ${id} » n’est pas terminée : l’envoi la continue sur cette sélection.`,
    nothingToSend: 'Aucun message à envoyer pour cette sélection.',
    progress: (sent: number, total: number) =>
      `${count(sent, 'envoyé', 'envoyés')} sur ${count(total, 'compte', 'comptes')}`,
    resultTitle: 'Résultat de l’envoi',
    sent: (n: number) => count(n, 'envoyé', 'envoyés'),
    skipped: (n: number) => `${count(n, 'ignoré', 'ignorés')} (sans courriel ou courriel invalide)`,
    failed: (n: number) =>
      `${count(n, 'échec', 'échecs')} (voir l’onglet « Journal publipostage » ; « Reprendre » les retente)`,
    toCheck: (n: number) => `${n} à vérifier`,
    waiting: (n: number, when: string) =>
      `${n} en attente : quota ; reprise automatique toutes les heures, au plus tard vers ${when}`,
    complete: 'Campagne terminée.',
    cancelled: 'Envoi interrompu. « Reprendre » le continue ; rien n’est envoyé deux fois.',
    journal: 'Détail par compte : onglet « Journal publipostage ».',
    testSent: (n: number, to: string) =>
      `${count(n, 'message de test envoyé', 'messages de test envoyés')} à ${to}.`,
    skippedTitle: (n: number) =>
      `${count(n, 'compte', 'comptes')} sans adresse utilisable : courrier PDF`,
    letters: (n: number) => `PDF pour ${plural(n, 'l’autre', `les ${n} autres`)}`,
    selection: (sentence: string, total: number) =>
      `Sélection : ${sentence} — ${count(total, 'compte', 'comptes')}.`,
    differsFromPreview:
      'Attention : ce n’est pas la sélection du dernier aperçu (onglet « Aperçu publipostage ») ; vérifiez-la avant d’envoyer.',
    quotaSpentNow: (when: string) =>
      `Quota épuisé : rien n’a été envoyé cette fois. Reprise automatique vers ${when} (ou « Reprendre » à ce moment-là).`,
    fromEarlier: (n: number) =>
      `dont ${count(n, 'compte', 'comptes')} d’une sélection précédente, toujours en attente`,
    sentNow: (n: number, total: number) =>
      `${count(n, 'envoyé', 'envoyés')} par cet envoi (${total} depuis le début de la campagne)`,
    stopped:
      'L’étape d’envoi a été interrompue par la limite de temps de Google. Cliquez sur « Reprendre » : l’envoi continue là où il s’est arrêté, sans renvoyer les messages déjà partis.',
    errors: {
      placeholder: (problem: string) =>
        `${problem} Renseignez les réglages avant d’envoyer : un courriel envoyé ne se corrige pas.`,
      queueFull:
        'Trop de sélections attendent déjà dans cette campagne : laissez-la se terminer ou « Reprendre » avant d’en ajouter une.',
      busy: 'Un envoi est déjà en cours sur ce classeur (une autre fenêtre, un autre référent ou la reprise automatique) : réessayez dans deux minutes, puis « Reprendre ».',
      noCampaign: 'Aucune campagne à reprendre.',
      noReferentAddress:
        'Impossible de lire l’adresse de votre compte Google : le test ne peut pas être envoyé.',
      quotaSpent: 'Le quota d’envoi du jour est épuisé : réessayez demain.',
      sendFailed: (error: string) => `L’envoi a échoué : ${error}`,
    },
  },
  filterSentence: {
    none: 'aucun filtre : tous les comptes',
    profiles: (list: string) => `profils ${list}`,
    levels: (list: string) => `niveaux ${list}`,
    classes: (list: string) => `classes ${list}`,
    activated: 'comptes activés',
    notActivated: 'comptes non activés',
    withEmail: 'avec courriel',
    withoutEmail: 'sans courriel valide',
    localAdmins: 'administrateurs locaux',
    createdAfter: (date: string) => `créés à partir du ${date}`,
    createdBefore: (date: string) => `créés jusqu’au ${date}`,
    blocked: 'comptes bloqués',
    notBlocked: 'comptes non bloqués',
  },
  // Labels and quotes joined in code: the space before « : » and inside « » is U+00A0 in French.
  typography: {
    labelled: (label: string, value: string) => `${label} : ${value}`,
    heading: (label: string) => `${label} :`,
    quoted: (text: string) => `« ${text} »`,
    separator: ' ; ',
  },
};

export type Messages = typeof fr;
