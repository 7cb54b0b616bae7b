// Shell-style variable substitution as Dockerfile and Compose use it (pure core layer).

/**
 * Substitutes `$VAR`, `${VAR}`, `${VAR:-default}`, `${VAR-default}`, `${VAR:+alt}` and `${VAR+alt}`.
 * Returns undefined when a variable has no known value and no default: callers treat that as
 * "unknown", never as safe or unsafe.
 */
export function substitute(text: string, lookup: (name: string) => string | undefined): string | undefined {
  let unknown = false;
  const out = text.replace(
    /\$(?:\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-+])([^}]*))?\}|([A-Za-z_][A-Za-z0-9_]*))/g,
    (_m, braced: string | undefined, op: string | undefined, word: string | undefined, bare: string | undefined) => {
      const name = braced ?? bare ?? '';
      const value = lookup(name);
      if (op === ':-') return value !== undefined && value !== '' ? value : (word ?? '');
      if (op === '-') return value !== undefined ? value : (word ?? '');
      if (op === ':+') return value !== undefined && value !== '' ? (word ?? '') : '';
      if (op === '+') return value !== undefined ? (word ?? '') : '';
      if (value === undefined) {
        unknown = true;
        return '';
      }
      return value;
    },
  );
  return unknown ? undefined : out;
}

export function hasVariable(text: string): boolean {
  return /\$(\{[A-Za-z_]|[A-Za-z_])/.test(text);
}
