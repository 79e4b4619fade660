// HtmlService: HTML outputs made from the project's .html files (dist/*.html) or from a string.
import { ServiceError } from './errors';
import { asGas, GAS_CLASS, GAS_SERVICE, gasEnum } from './gas-object';
import type { ShownHtml } from './ui';

type HtmlOutput = GoogleAppsScript.HTML.HtmlOutput;

/** Reads a project HTML file by its name without extension; null when there is none. */
export type HtmlFileLoader = (name: string) => string | null;

export class EmuHtmlOutput implements Pick<
  HtmlOutput,
  | 'append'
  | 'getContent'
  | 'getHeight'
  | 'getTitle'
  | 'getWidth'
  | 'setContent'
  | 'setHeight'
  | 'setSandboxMode'
  | 'setTitle'
  | 'setWidth'
  | 'setXFrameOptionsMode'
  | 'addMetaTag'
> {
  // prettier-ignore
  readonly [GAS_CLASS] = 'HtmlOutput';
  readonly [GAS_SERVICE] = 'HTML';
  private title = '';
  private width = 600;
  private height = 400;
  constructor(private content: string) {}

  /** What a sidebar or dialog displays. */
  shown(): ShownHtml {
    return { title: this.title, content: this.content, width: this.width, height: this.height };
  }
  addMetaTag(_name: string, _content: string): HtmlOutput {
    return asGas(this);
  }
  append(addedContent: string): HtmlOutput {
    this.content += String(addedContent);
    return asGas(this);
  }
  getContent(): string {
    return this.content;
  }
  getHeight(): number {
    return this.height;
  }
  getTitle(): string {
    return this.title;
  }
  getWidth(): number {
    return this.width;
  }
  setContent(content: string): HtmlOutput {
    this.content = String(content);
    return asGas(this);
  }
  setHeight(height: number): HtmlOutput {
    this.height = height;
    return asGas(this);
  }
  setSandboxMode(_mode: GoogleAppsScript.HTML.SandboxMode): HtmlOutput {
    return asGas(this);
  }
  setTitle(title: string): HtmlOutput {
    this.title = String(title);
    return asGas(this);
  }
  setWidth(width: number): HtmlOutput {
    this.width = width;
    return asGas(this);
  }
  setXFrameOptionsMode(_mode: GoogleAppsScript.HTML.XFrameOptionsMode): HtmlOutput {
    return asGas(this);
  }
}

export class EmuHtmlService implements Pick<
  GoogleAppsScript.HTML.HtmlService,
  'SandboxMode' | 'XFrameOptionsMode' | 'createHtmlOutput' | 'createHtmlOutputFromFile'
> {
  readonly [GAS_CLASS] = 'HtmlService';
  readonly [GAS_SERVICE] = 'HTML';
  readonly SandboxMode = gasEnum<typeof GoogleAppsScript.HTML.SandboxMode>([
    'EMULATED',
    'IFRAME',
    'NATIVE',
  ]);
  readonly XFrameOptionsMode = gasEnum<typeof GoogleAppsScript.HTML.XFrameOptionsMode>([
    'ALLOWALL',
    'DEFAULT',
  ]);
  constructor(private readonly load: HtmlFileLoader) {}

  createHtmlOutput(html?: unknown): HtmlOutput {
    return asGas(new EmuHtmlOutput(html === undefined ? '' : String(html)));
  }
  createHtmlOutputFromFile(filename: string): HtmlOutput {
    const name = String(filename).replace(/\.html$/, '');
    const content = this.load(name);
    if (content === null) throw new ServiceError('noHtmlFile', name);
    return asGas(new EmuHtmlOutput(content));
  }
}
