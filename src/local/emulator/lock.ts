// LockService. One script runs at a time here, so contention is staged by tests: `heldElsewhere`
// stands for another execution holding the lock. Locks are released when an execution ends.
import { ServiceError } from './errors';
import { asGas, GAS_CLASS, GAS_SERVICE } from './gas-object';

type Lock = GoogleAppsScript.Lock.Lock;

export class EmuLock implements Pick<Lock, 'hasLock' | 'releaseLock' | 'tryLock' | 'waitLock'> {
  readonly [GAS_CLASS] = 'Lock';
  readonly [GAS_SERVICE] = 'Lock';
  held = false;
  /** Set by a test: another execution holds this lock, so acquiring it times out. */
  heldElsewhere = false;

  hasLock(): boolean {
    return this.held;
  }
  releaseLock(): void {
    this.held = false;
  }
  tryLock(_timeoutInMillis: number): boolean {
    if (this.heldElsewhere) return false;
    this.held = true;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) {
      throw new ServiceError('lockTimeout');
    }
  }
}

export class EmuLockService implements Pick<
  GoogleAppsScript.Lock.LockService,
  'getDocumentLock' | 'getScriptLock' | 'getUserLock'
> {
  readonly [GAS_CLASS] = 'LockService';
  readonly [GAS_SERVICE] = 'Lock';
  readonly document = new EmuLock();
  readonly script = new EmuLock();
  readonly user = new EmuLock();

  getDocumentLock(): Lock {
    return asGas(this.document);
  }
  getScriptLock(): Lock {
    return asGas(this.script);
  }
  getUserLock(): Lock {
    return asGas(this.user);
  }
  /** End of an execution: Apps Script releases what the script still holds. */
  releaseAll(): void {
    for (const lock of [this.document, this.script, this.user]) lock.releaseLock();
  }
}
