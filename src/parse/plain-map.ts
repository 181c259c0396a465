/**
 * The maps that parsed YAML and JSON become. Their prototype chain holds no Object.prototype, so
 * a key such as `constructor` or `toString` reads as absent unless the document has it, and
 * `__proto__` is an ordinary key. Unlike `Object.create(null)`, which V8 keeps in dictionary
 * mode, objects made by `new` get hidden classes: every rule's reads are faster and each map takes
 * a fraction of the memory.
 */
const PlainMapConstructor = function PlainMap() {} as unknown as new () => Record<string, unknown>;
const PLAIN_MAP_PROTOTYPE = Object.create(null) as object;
PlainMapConstructor.prototype = PLAIN_MAP_PROTOTYPE;

export function newPlainMap<Value = unknown>(): Record<string, Value> {
  return new PlainMapConstructor() as Record<string, Value>;
}

/**
 * Gives the maps of a value JSON.parse made (values parsed on another thread) the prototype of
 * the maps parsed here, in place: a rule must see the same values whichever thread parsed them.
 */
export function adoptPlainMaps(value: unknown): void {
  const pending: object[] = value !== null && typeof value === 'object' ? [value] : [];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    if (Array.isArray(next)) {
      for (const item of next as unknown[]) if (item !== null && typeof item === 'object') pending.push(item);
      continue;
    }
    Object.setPrototypeOf(next, PLAIN_MAP_PROTOTYPE);
    for (const key in next) {
      const item = (next as Record<string, unknown>)[key];
      if (item !== null && typeof item === 'object') pending.push(item);
    }
  }
}

export type PlainMap = Record<string, unknown>;

/** Whether a parsed value is a mapping (whatever its prototype: values given by callers are plain objects). */
export function isMap(value: unknown): value is PlainMap {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
