// PropertiesService's quotas (https://developers.google.com/apps-script/guides/services/quotas):
// 9 kB per value, 500 kB per store, keys counted in the store; a refused write writes nothing.
import { describe, expect, it } from 'vitest';
import {
  EmuProperties,
  MAX_STORE_BYTES,
  MAX_VALUE_BYTES,
} from '../../../src/local/emulator/properties';
import { runScript } from './helpers';

const TOO_LARGE = 'Argument too large: value';
const STORE_FULL =
  'You have exceeded the property storage quota. Please remove some properties and try again.';

describe('a property value', () => {
  it('holds 9 kB (9,216 bytes), not one byte more', () => {
    const props = new EmuProperties();
    expect(MAX_VALUE_BYTES).toBe(9216);
    props.setProperty('k', 'a'.repeat(9216));
    expect(props.getProperty('k')).toHaveLength(9216);
    expect(() => props.setProperty('k', 'a'.repeat(9217))).toThrow(TOO_LARGE);
    expect(props.getProperty('k')).toHaveLength(9216);
  });

  it('is measured in UTF-8 bytes: 4,609 « é » are 9,218 bytes', () => {
    const props = new EmuProperties();
    expect(() => props.setProperty('k', 'é'.repeat(4609))).toThrow(TOO_LARGE);
    props.setProperty('k', 'é'.repeat(4608));
    expect(props.getKeys()).toEqual(['k']);
  });

  it('does not count its key against the 9 kB', () => {
    const props = new EmuProperties();
    props.setProperty('k'.repeat(2000), 'a'.repeat(9216));
    expect(props.getKeys()).toHaveLength(1);
  });

  it('over the limit in setProperties writes none of the batch', () => {
    const props = new EmuProperties();
    props.setProperty('kept', 'avant');
    expect(() =>
      props.setProperties({ small: 'x', big: 'a'.repeat(10_000), kept: 'après' }),
    ).toThrow(TOO_LARGE);
    expect(props.getProperties()).toEqual({ kept: 'avant' });
  });
});

describe('a property store', () => {
  /** 50 values of 9,000 bytes under 7-byte keys: 450,350 bytes. */
  function nearlyFull() {
    const props = new EmuProperties();
    for (let i = 0; i < 50; i++)
      props.setProperty(`key${String(i).padStart(4, '0')}`, 'v'.repeat(9000));
    return props;
  }

  it('holds 500 kB (512,000 bytes) of keys and values together', () => {
    expect(MAX_STORE_BYTES).toBe(512_000);
    const props = nearlyFull();
    for (let i = 0; i < 6; i++) props.setProperty(`fill_${i}`, 'v'.repeat(9000));
    // 450,350 + 6 × 9,006 = 504,386 bytes: a 1-byte key and 7,613 bytes fill it exactly.
    expect(() => props.setProperty('z', 'v'.repeat(7614))).toThrow(STORE_FULL);
    props.setProperty('z', 'v'.repeat(7613));
    expect(() => props.setProperty('x', 'y')).toThrow(STORE_FULL);
    expect(props.getProperty('x')).toBeNull();
  });

  it('counts an overwritten key at its new size, and frees what is deleted', () => {
    const props = nearlyFull();
    props.setProperty('key0000', 'petit');
    props.setProperty('new', 'v'.repeat(9000));
    props.deleteProperty('new');
    props.setProperties({ a: 'b' }, true);
    expect(props.getProperties()).toEqual({ a: 'b' });
  });

  it('refuses a batch that would overflow it, leaving it as it was', () => {
    const props = nearlyFull();
    const batch = Object.fromEntries(
      Array.from({ length: 8 }, (_, i) => [`more${i}`, 'v'.repeat(9000)]),
    );
    expect(() => props.setProperties(batch)).toThrow(STORE_FULL);
    expect(props.getKeys()).toHaveLength(50);
  });
});

describe('through the runtime', () => {
  it('raises the quota errors in the user’s language', () => {
    const code = `function big() { PropertiesService.getUserProperties().setProperty('k', new Array(9300).join('a')); }`;
    expect(() => runScript(code).run('big')).toThrow('Argument trop grand : value');
    expect(() => runScript(code, undefined, { locale: 'en' }).run('big')).toThrow(TOO_LARGE);
  });
});
