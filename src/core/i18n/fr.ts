// Every text the referent reads, in French. en.ts mirrors it key for key (typed by this file).
// Typography: U+00A0 inside « » and before : ; ! ? (docs/DECISIONS.md); counts through count().
import { count, plural } from '../plural';

/** 3000 → « 3 000 »: thousands grouped by a non-breaking space, as French writes them. */
const grouped = (n: number) => String(n).replace(/\B(?=(\d{3})+(?!\d))/g, '\u00a0');
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
  importer: {
    title: 'Importer un export ENT',
    hint:
      'Le fichier CSV téléchargé depuis la console de l’ENT (Imports/Exports). Il est lu ici, ' +
      'puis écrit dans un nouvel onglet, chaque valeur en texte\u00a0: les zéros en tête des codes ' +
      'et des téléphones restent, les accents aussi.',
    file: 'Fichier CSV de l’export',
    button: 'Importer un export ENT',
    noFile: 'Choisissez d’abord le fichier CSV exporté de l’ENT.',
    reading: 'Lecture du fichier…',
    lines: (done: number, total: number) =>
      `${grouped(done)} / ${grouped(total)} ${plural(total, 'ligne', 'lignes')}`,
    done: (lines: number, sheet: string) =>
      `${grouped(lines)} ${lines > 1 ? 'lignes importées' : 'ligne importée'} dans l’onglet «\u00a0${sheet}\u00a0», qui devient la source.`,
    sheetName: (stamp: string) => `Export ENT ${stamp}`,
    pendingName: (name: string) => `${name} (import en cours)`,
    empty: 'le fichier est vide\u00a0: aucune ligne d’en-tête, aucun compte.',
    cellTooLong: (line: number, column: number, max: number) =>
      `ligne ${line}, colonne ${column}\u00a0: plus de ${grouped(max)} ${plural(max, 'caractère', 'caractères')}, le maximum d’une cellule Google Sheets.`,
    tooManyCells: (cells: number, max: number) =>
      `${grouped(cells)} ${plural(cells, 'cellule', 'cellules')}, plus que les ${grouped(max)} d’un classeur Google Sheets\u00a0: découpez l’export (par profil ou par niveau).`,
    rowTooLarge: (line: number) =>
      `la ligne ${line} est trop longue pour être envoyée en une fois\u00a0: vérifiez le fichier (guillemet jamais fermé\u00a0?).`,
    lost: 'L’import a été interrompu\u00a0: l’onglet commencé n’existe plus ou a été renommé. Relancez l’import.',
    refused: (reason: string) => `Import refusé (${reason}). Relancez l’import.`,
    why: {
      shape: 'données mal formées',
      size: 'envoi trop grand',
      order: 'lignes hors de l’ordre attendu',
      rows: 'plus de lignes qu’annoncé',
      width: 'ligne d’une autre largeur qu’annoncé',
    },
    incomplete: (written: number, total: number) =>
      `Import incomplet\u00a0: ${grouped(written)} ${plural(written, 'ligne reçue', 'lignes reçues')} sur ${grouped(total)}. Relancez l’import.`,
    abandoned: 'L’onglet commencé a été supprimé.',
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
  textEditor: {
    title: 'Textes des courriers et courriels',
    variant: 'Texte',
    card: 'Carte',
    letter: 'Courrier',
    mail: 'Courriel',
    notActivated: 'compte non activé',
    activated: 'compte déjà activé',
    example: 'Compte d’exemple',
    widest: 'le plus long',
    fictitious: 'Aucun compte de la sélection dans ce cas : l’aperçu montre un compte fictif.',
    loading: 'Lecture des textes et des comptes d’exemple…',
    subject: 'Objet',
    body: 'Texte',
    fields: 'Champs de fusion (cliquez pour insérer)',
    bold: 'Gras',
    boldHint: 'Met la sélection en gras : **texte**.',
    save: 'Enregistrer',
    reset: 'Rétablir le texte par défaut',
    saved: 'Texte enregistré pour ce classeur.',
    resetDone: 'Texte par défaut rétabli.',
    custom: 'Texte personnalisé',
    default: 'Texte par défaut',
    unsaved: 'Modifications non enregistrées',
    preview: 'Aperçu',
    previewHint: 'Aperçu en direct, sur un compte réel de la sélection.',
    size: (layout: number, width: string, height: string) =>
      `${layout === 8 ? 'Carte' : layout === 2 ? 'Demi-page A5' : 'Page A4'} de ${width} × ${height} cm, à l’échelle.`,
    zoom: 'Agrandir',
    mailBody: 'Corps du courriel',
    showPlainText: 'Voir la version texte',
    from: 'De',
    to: 'À',
    noPreview: 'Corrigez le texte pour voir l’aperçu.',
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
  share: {
    title: 'Partager l’aperçu',
    addresses: 'Adresses de la direction (une par ligne)',
    role: 'Droit',
    reader: 'Lecteur',
    commenter: 'Commentateur',
    button: 'Partager l’aperçu',
    warning:
      'Ne partagez pas ce classeur\u00a0: il contient l’export et ses codes d’activation. Ce bouton partage un classeur à part qui ne contient que l’aperçu, codes masqués.',
    fileName: (workbook: string) => `Aperçu publipostage partagé — ${workbook}`,
    emailMessage: (workbook: string, n: number) =>
      `Aperçu du publipostage des comptes ENT (${n} ${n > 1 ? 'comptes' : 'compte'}), tiré du classeur «\u00a0${workbook}\u00a0». Les codes d’activation n’y figurent pas.`,
    noAddress: 'Saisissez au moins une adresse courriel avant de partager.',
    badAddresses: (bad: string[]) =>
      bad.length > 1
        ? `Adresses invalides\u00a0: ${bad.map((a) => `«\u00a0${a}\u00a0»`).join(', ')}. Corrigez-les\u00a0; rien n’a été partagé.`
        : `Adresse invalide\u00a0: «\u00a0${bad[0]}\u00a0». Corrigez-la\u00a0; rien n’a été partagé.`,
    badRole: 'Droit inconnu\u00a0: choisissez «\u00a0Lecteur\u00a0» ou «\u00a0Commentateur\u00a0».',
    busy: 'Un autre partage de l’aperçu est en cours sur ce classeur\u00a0: réessayez dans un moment.',
    done: (n: number) =>
      `Aperçu partagé\u00a0: ${n} ${n > 1 ? 'comptes' : 'compte'}, codes d’activation masqués.`,
    open: 'Ouvrir le classeur partagé',
    created: 'Classeur partagé créé dans le dossier «\u00a0Publipostage ENT\u00a0» de votre Drive.',
    updated: 'Classeur partagé mis à jour\u00a0: son lien ne change pas.',
    lost: 'L’ancien classeur partagé a été supprimé ou mis à la corbeille\u00a0: un nouveau a été créé, son lien remplace l’ancien.',
    sharedWith: (list: string) => `Partagé avec\u00a0: ${list}`,
    alreadyShared: (list: string) => `Avaient déjà accès (pas de nouveau courriel)\u00a0: ${list}`,
    failed: (address: string, reason: string) => `Partage refusé pour ${address}\u00a0: ${reason}`,
    access: (list: string) => `Accès actuels\u00a0: ${list}`,
    roles: {
      reader: 'lecteur',
      commenter: 'commentateur',
      writer: 'éditeur',
      owner: 'propriétaire',
    } as Record<string, string>,
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

  // The sidebar as steps (issue 16): the step indicator, the action bars, the preview's
  // progress, the empty selection and the typed dates. One block, kept together.
  steps: {
    names: ['Source et filtres', 'Aperçu', 'Courriers', 'Courriels'],
    short: ['Source', 'Aperçu', 'Courriers', 'Courriels'],
    indicator: 'Étapes',
    current: (n: number, total: number, name: string) => `Étape ${n} sur ${total}\u00a0: ${name}`,
    previous: '‹ Précédent',
    next: (name: string) => `Suivant\u00a0: ${name} ›`,
    settings: 'Réglages',
    settingsOpen: 'Réglages (ouverts)',
    settingsClose: 'Fermer les réglages',
    settingsExamples:
      'Les réglages sont encore les exemples\u00a0: renseignez-les avant les courriers et les courriels.',
    count: 'Compter les comptes choisis',
    counting: 'Lecture de la feuille et des filtres…',
    counted: (n: number) =>
      n === 0 ? 'Aucun compte choisi' : `${n} ${n > 1 ? 'comptes choisis' : 'compte choisi'}`,
    sourceIntro:
      'Choisissez les comptes\u00a0: rien de coché = tous les comptes. «\u00a0Compter\u00a0» dit combien en restent.',
    previewIntro:
      'L’aperçu écrit la sélection dans l’onglet «\u00a0Aperçu publipostage\u00a0»\u00a0: vérifiez-la avant d’imprimer ou d’envoyer.',
    lettersIntro: 'Les courriers de la sélection, au modèle choisi.',
    mailIntro:
      'Un message à chaque compte de la sélection qui a une adresse valide. Faites d’abord un test.',
    planning: 'Étape 1\u00a0: lecture de la sélection…',
    writing: (written: number, total: number) =>
      `Étape 2\u00a0: ${written.toLocaleString('fr-FR')} / ${total.toLocaleString('fr-FR')} ${total > 1 ? 'lignes écrites' : 'ligne écrite'}`,
    exporting: (n: number) =>
      `Étape 2 sur 2\u00a0: écriture du fichier CSV (${n} ${n > 1 ? 'comptes' : 'compte'})…`,
    previewChanged:
      'La feuille des comptes a changé pendant l’écriture de l’aperçu\u00a0: relancez «\u00a0Lancer le prétraitement\u00a0».',
    tabUntouched: 'L’onglet «\u00a0Aperçu publipostage\u00a0» n’a pas été modifié.',
    empty: 'Aucun compte ne correspond à ces filtres.',
    emptySheet: 'La feuille ne contient aucun compte lisible.',
    activeFilters: (list: string) => `Filtres actifs\u00a0: ${list}.`,
    relax: (group: string, n: number) =>
      `Relâchez d’abord «\u00a0${group}\u00a0»\u00a0: sans ce filtre, ${n} ${n > 1 ? 'comptes seraient choisis' : 'compte serait choisi'}.`,
    relaxSeveral: 'Aucun filtre retiré seul ne suffit\u00a0: décochez-en plusieurs.',
    editFilters: 'Modifier les filtres',
    groups: {
      profiles: 'Profils',
      classes: 'Niveaux et classes',
      activation: 'Activation',
      email: 'Courriel',
      localAdmins: 'Administrateurs locaux',
      created: 'Date de création',
      blocked: 'Comptes bloqués',
    },
    dateFormat: 'jj/mm/aaaa',
    dateInvalid: (field: string, text: string) =>
      `«\u00a0${field}\u00a0»\u00a0: «\u00a0${text}\u00a0» n’est pas une date au format jj/mm/aaaa (par exemple 02/09/2024).`,
    datesFix: 'Corrigez les dates de création avant de continuer.',
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
