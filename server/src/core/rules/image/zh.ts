// Spacing for Simplified Chinese messages (pure core layer). Chinese text puts a space between a
// Chinese character and a Latin word, number or path; interpolated values may be either (a path,
// or a translated phrase), so the `zh` tag adds that space where an interpolation meets a Chinese
// character and leaves every other boundary alone. Write `zh\`基础镜像${name}没有标签\``.

const HAN = /[\u3400-\u9fff\uf900-\ufaff]/;
const ASCII = /[\x21-\x7e]/;

function gap(before: string, after: string): string {
  if (before === '' || after === '') return '';
  return (HAN.test(before) && ASCII.test(after)) || (ASCII.test(before) && HAN.test(after)) ? ' ' : '';
}

/** A template literal with a space added where an interpolation meets a Chinese character. */
export function zh(strings: TemplateStringsArray, ...values: unknown[]): string {
  let out = strings[0];
  values.forEach((value, i) => {
    for (const piece of [String(value), strings[i + 1]]) {
      if (piece === '') continue;
      out += gap(out.slice(-1), piece[0]) + piece;
    }
  });
  return out;
}

/** `a`, `a 和 b`, `a、b 和 c`. */
export function joinZh(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return zh`${items.slice(0, -1).join('、')}和${items[items.length - 1]}`;
}
