// The spreadsheet's UI: the add-on menu, the sidebar, and alert/prompt dialogs. A dialog cannot
// wait for a person here (the script runs synchronously in the server), so each is answered at
// once from a queue that tests or the page fill beforehand; with nothing queued, the affirmative
// button (OK, or YES) answers, with an empty text for a prompt.
import { ServiceError } from './errors';
import { asGas, GAS_CLASS, GAS_SERVICE, gasEnum } from './gas-object';

type Button = GoogleAppsScript.Base.Button;
type ButtonSet = GoogleAppsScript.Base.ButtonSet;
type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

export const BUTTONS = gasEnum<typeof GoogleAppsScript.Base.Button>([
  'CLOSE',
  'OK',
  'CANCEL',
  'YES',
  'NO',
]);
export const BUTTON_SETS = gasEnum<typeof GoogleAppsScript.Base.ButtonSet>([
  'OK',
  'OK_CANCEL',
  'YES_NO',
  'YES_NO_CANCEL',
]);
export type ButtonName = 'CLOSE' | 'OK' | 'CANCEL' | 'YES' | 'NO';
const BUTTONS_OF: Record<string, ButtonName[]> = {
  OK: ['OK'],
  OK_CANCEL: ['OK', 'CANCEL'],
  YES_NO: ['YES', 'NO'],
  YES_NO_CANCEL: ['YES', 'NO', 'CANCEL'],
};

export interface DialogAnswer {
  button: ButtonName;
  text?: string;
}

export interface DialogRecord {
  kind: 'alert' | 'prompt';
  title: string;
  prompt: string;
  buttons: ButtonName[];
  answer: DialogAnswer;
}

export type MenuEntry = { caption: string; functionName: string } | { separator: true };

export interface MenuRecord {
  caption: string;
  addon: boolean;
  entries: MenuEntry[];
}

export interface ShownHtml {
  title: string;
  content: string;
  width: number;
  height: number;
}

/** What the UI shows, read by the page and by tests. */
export class UiState {
  menus: MenuRecord[] = [];
  sidebar: ShownHtml | null = null;
  /** Counts the sidebars opened, so the page reloads its frame for a new one. */
  sidebarVersion = 0;
  dialogs: DialogRecord[] = [];
  /** Answers for the next alert/prompt calls, first in first out. */
  readonly answers: DialogAnswer[] = [];
}

export class EmuMenu implements Pick<
  GoogleAppsScript.Base.Menu,
  'addItem' | 'addSeparator' | 'addSubMenu' | 'addToUi'
> {
  readonly [GAS_CLASS] = 'Menu';
  readonly [GAS_SERVICE] = 'Base';
  readonly entries: MenuEntry[] = [];
  constructor(
    private readonly state: UiState,
    readonly caption: string,
    readonly addon: boolean,
  ) {}
  addItem(caption: string, functionName: string): GoogleAppsScript.Base.Menu {
    this.entries.push({ caption: String(caption), functionName: String(functionName) });
    return asGas(this);
  }
  addSeparator(): GoogleAppsScript.Base.Menu {
    this.entries.push({ separator: true });
    return asGas(this);
  }
  addSubMenu(menu: GoogleAppsScript.Base.Menu): GoogleAppsScript.Base.Menu {
    const sub = menu as unknown as EmuMenu;
    for (const entry of sub.entries) {
      this.entries.push(
        'separator' in entry ? entry : { ...entry, caption: `${sub.caption} › ${entry.caption}` },
      );
    }
    return asGas(this);
  }
  addToUi(): void {
    const menu: MenuRecord = {
      caption: this.caption,
      addon: this.addon,
      entries: [...this.entries],
    };
    const index = this.state.menus.findIndex(
      (m) => m.caption === menu.caption && m.addon === menu.addon,
    );
    if (index >= 0) this.state.menus[index] = menu;
    else this.state.menus.push(menu);
  }
}

export class EmuPromptResponse implements GoogleAppsScript.Base.PromptResponse {
  readonly [GAS_CLASS] = 'PromptResponse';
  readonly [GAS_SERVICE] = 'Base';
  constructor(private readonly answer: DialogAnswer) {}
  getResponseText(): string {
    return this.answer.text ?? '';
  }
  getSelectedButton(): Button {
    return this.answer.button as unknown as Button;
  }
}

function dialogArguments(
  args: unknown[],
  fallback: ButtonSet,
): { title: string; prompt: string; set: string } {
  if (args.length >= 3)
    return { title: String(args[0]), prompt: String(args[1]), set: String(args[2]) };
  return { title: '', prompt: String(args[0]), set: String(args[1] ?? fallback) };
}

export class EmuUi implements Pick<
  GoogleAppsScript.Base.Ui,
  'Button' | 'ButtonSet' | 'alert' | 'createAddonMenu' | 'createMenu' | 'prompt' | 'showSidebar'
> {
  // prettier-ignore
  readonly [GAS_CLASS] = 'Ui';
  readonly [GAS_SERVICE] = 'Base';
  readonly Button = BUTTONS;
  readonly ButtonSet = BUTTON_SETS;

  constructor(
    readonly state: UiState,
    private readonly addonName: string,
  ) {}

  private answer(kind: 'alert' | 'prompt', args: unknown[]): DialogAnswer {
    const { title, prompt, set } = dialogArguments(args, 'OK' as unknown as ButtonSet);
    const buttons = BUTTONS_OF[set];
    if (!buttons) throw new ServiceError('invalidArgument', 'buttons');
    const queued = this.state.answers.shift();
    const answer: DialogAnswer = queued ?? {
      button: buttons[0]!,
      ...(kind === 'prompt' ? { text: '' } : {}),
    };
    if (answer.button !== 'CLOSE' && !buttons.includes(answer.button)) {
      throw new Error(
        `Réponse préparée « ${answer.button} » impossible : la boîte n'offre que ${buttons.join(', ')}.`,
      );
    }
    this.state.dialogs.push({ kind, title, prompt, buttons, answer });
    return answer;
  }

  alert(prompt: string): Button;
  alert(prompt: string, buttons: ButtonSet): Button;
  alert(title: string, prompt: string, buttons: ButtonSet): Button;
  alert(...args: unknown[]): Button {
    return this.answer('alert', args).button as unknown as Button;
  }
  prompt(prompt: string): GoogleAppsScript.Base.PromptResponse;
  prompt(prompt: string, buttons: ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(title: string, prompt: string, buttons: ButtonSet): GoogleAppsScript.Base.PromptResponse;
  prompt(...args: unknown[]): GoogleAppsScript.Base.PromptResponse {
    return asGas(new EmuPromptResponse(this.answer('prompt', args)));
  }
  createAddonMenu(): GoogleAppsScript.Base.Menu {
    return asGas(new EmuMenu(this.state, this.addonName, true));
  }
  createMenu(caption: string): GoogleAppsScript.Base.Menu {
    return asGas(new EmuMenu(this.state, String(caption), false));
  }
  showSidebar(userInterface: HtmlOutput): void {
    const html = userInterface as unknown as { shown(): ShownHtml };
    // A sidebar is 300 px wide whatever width the script asks for.
    this.state.sidebar = { ...html.shown(), width: 300 };
    this.state.sidebarVersion++;
  }
}
