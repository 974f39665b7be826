import { describe, expect, it } from 'vitest';
import { enUS } from './en-US';
import { zhCN } from './zh-CN';

type Tree = { [key: string]: string | Tree };

// The app-wide catalogue and every feature's, found by file name so that a new feature is checked without a list.
const features = import.meta.glob<{ zhCN: Tree; enUS: Tree }>('../features/*/locales.ts', { eager: true });
const catalogues: [string, Tree, Tree][] = [
  ['app-wide', zhCN as unknown as Tree, enUS as unknown as Tree],
  ...Object.entries(features).map(([file, m]): [string, Tree, Tree] => [file, m.zhCN, m.enUS]),
];

/** Every leaf of a catalogue as `path → text`. */
function leaves(tree: Tree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [p, v] of leaves(value, path)) out.set(p, v);
  }
  return out;
}

describe('locale catalogues', () => {
  it('finds the feature catalogues', () => {
    expect(Object.keys(features).length).toBeGreaterThanOrEqual(5);
  });

  it.each(catalogues)('%s: zh-CN and en-US have the same keys, no empty text, no Chinese in English', (_name, zh, en) => {
    const z = leaves(zh);
    const e = leaves(en);
    expect([...e.keys()].sort()).toEqual([...z.keys()].sort());
    expect([...z].filter(([, text]) => !text.trim()).map(([path]) => path)).toEqual([]);
    expect([...e].filter(([, text]) => !text.trim()).map(([path]) => path)).toEqual([]);
    expect([...e].filter(([, text]) => /[\u3400-\u9fff]/.test(text)).map(([path]) => path)).toEqual([]);
  });

  it('no key is defined by two catalogues', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const [name, zh] of catalogues)
      for (const path of leaves(zh).keys()) {
        if (seen.has(path)) twice.push(`${path} (${seen.get(path)} and ${name})`);
        seen.set(path, name);
      }
    expect(twice).toEqual([]);
  });
});
