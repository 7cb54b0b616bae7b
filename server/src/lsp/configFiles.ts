// Finds and reads `.containment.yaml` for a document: the nearest one in its folder or above,
// up to the workspace root (language server adapter layer; the CLI has its own walk). Problems
// are worded in the server's language.

import { readFileSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { CONFIG_FILE_NAMES, EMPTY_CONFIG, parseConfig, type Config, type ConfigProblem } from '../core/config';
import { inLocale, t, type Locale } from '../core/types';

export interface LoadedConfig {
  config: Config;
  path?: string;
  problems: ConfigProblem[];
}

export class ConfigFiles {
  private cache = new Map<string, LoadedConfig>();

  constructor(
    private readonly roots: () => string[],
    private readonly explicitPath: () => string | undefined,
    private readonly locale: () => Locale = () => 'en',
  ) {}

  invalidate(): void {
    this.cache.clear();
  }

  /** The config that applies to a file path. */
  forFile(filePath: string | undefined): LoadedConfig {
    const explicit = this.explicitPath();
    if (explicit)
      return (
        this.read(explicit) ?? {
          config: EMPTY_CONFIG,
          path: explicit,
          problems: [{ message: inLocale(t(`cannot read ${explicit}`, `无法读取 ${explicit}`), this.locale()) }],
        }
      );
    if (!filePath) return { config: EMPTY_CONFIG, problems: [] };
    const roots = this.roots();
    let dir = dirname(filePath);
    for (let depth = 0; depth < 64; depth++) {
      const cached = this.cache.get(dir);
      if (cached) return cached;
      for (const name of CONFIG_FILE_NAMES) {
        const loaded = this.read(join(dir, name));
        if (loaded) {
          this.cache.set(dir, loaded);
          return loaded;
        }
      }
      const parent = dirname(dir);
      if (parent === dir || roots.includes(dir)) break;
      dir = parent;
    }
    return { config: EMPTY_CONFIG, problems: [] };
  }

  private read(path: string): LoadedConfig | undefined {
    try {
      if (!statSync(path).isFile()) return undefined;
      const { config, problems } = parseConfig(readFileSync(path, 'utf8'), this.locale());
      return { config, path, problems };
    } catch {
      return undefined;
    }
  }
}
