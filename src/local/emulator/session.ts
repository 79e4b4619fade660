// Session: who runs the script, in which time zone and language.
import { asGas, GAS_CLASS, GAS_SERVICE } from './gas-object';

export class EmuUser implements Pick<GoogleAppsScript.Base.User, 'getEmail'> {
  readonly [GAS_CLASS] = 'User';
  readonly [GAS_SERVICE] = 'Base';
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}

export class EmuSession implements Pick<
  GoogleAppsScript.Base.Session,
  | 'getActiveUser'
  | 'getActiveUserLocale'
  | 'getEffectiveUser'
  | 'getScriptTimeZone'
  | 'getTemporaryActiveUserKey'
> {
  // prettier-ignore
  readonly [GAS_CLASS] = 'Session';
  readonly [GAS_SERVICE] = 'Base';
  private readonly user: EmuUser;
  constructor(
    readonly email: string,
    readonly timeZone: string,
    readonly locale: string,
  ) {
    this.user = new EmuUser(email);
  }
  getActiveUser(): GoogleAppsScript.Base.User {
    return asGas(this.user);
  }
  getActiveUserLocale(): string {
    return this.locale;
  }
  getEffectiveUser(): GoogleAppsScript.Base.User {
    return asGas(this.user);
  }
  getScriptTimeZone(): string {
    return this.timeZone;
  }
  getTemporaryActiveUserKey(): string {
    return Buffer.from(`emulated:${this.email}`).toString('base64');
  }
}
