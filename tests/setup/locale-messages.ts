import yaml from 'js-yaml';

/** Flattens a WXT locale file ({ panel: { title } }) into browser.i18n keys ("panel_title"). */
export function loadMessages(source: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (node: unknown, prefix: string): void => {
    if (typeof node === 'string') out.set(prefix, node);
    else if (node && typeof node === 'object') {
      for (const [k, v] of Object.entries(node)) walk(v, prefix ? `${prefix}_${k}` : k);
    }
  };
  walk(yaml.load(source), '');
  return out;
}
