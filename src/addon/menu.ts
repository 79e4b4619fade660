/** Title of the sidebar, as the ENT console names the feature. */
export const SIDEBAR_TITLE = 'Publipostage des comptes';
export const MENU_ITEM = 'Ouvrir le publipostage';

/**
 * Builds the add-on menu. Runs in AuthMode.NONE on a spreadsheet where the add-on is not yet
 * authorised, so it touches no service but the UI's add-on menu.
 */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi().createAddonMenu().addItem(MENU_ITEM, 'showSidebar').addToUi();
}

/** An editor add-on installed from the Marketplace gets no onOpen until the file is reopened. */
export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as unknown as GoogleAppsScript.Events.SheetsOnOpen);
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('sidebar').setTitle(SIDEBAR_TITLE);
  SpreadsheetApp.getUi().showSidebar(html);
}
