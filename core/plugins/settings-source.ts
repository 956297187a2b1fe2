import { existsSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { LineCounter, parseDocument } from 'yaml';
import { pointerSegments, YamlLocator } from '../config/yaml-locate.js';

/**
 * Where a plugin's setting was written in config.yaml, as `config.yaml:12:5`, so a problem with it
 * points at the line to fix. A value saved from the Settings page (or a default) has no line: undefined.
 */
export function settingsSource(configFile: string, fromConfig: Record<string, unknown> | undefined, plugin: string): (pointer: string) => string | undefined {
  let locator: YamlLocator | undefined;
  return (pointer) => {
    const segments = pointerSegments(pointer);
    const top = segments[0];
    if (!fromConfig || top === undefined || !(top in fromConfig) || !existsSync(configFile)) return undefined;
    if (!locator) {
      const lines = new LineCounter();
      locator = new YamlLocator(parseDocument(readFileSync(configFile, 'utf8'), { lineCounter: lines }), lines);
    }
    const { line, column } = locator.valueAt(['settings', plugin, ...segments]);
    return `${basename(configFile)}:${line}:${column}`;
  };
}
