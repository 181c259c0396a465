/**
 * The maps that parsed YAML and JSON become. Their prototype chain holds no Object.prototype, so
 * a key such as `constructor` or `toString` reads as absent unless the document has it, and
 * `__proto__` is an ordinary key. Unlike `Object.create(null)`, which V8 keeps in dictionary
 * mode, objects made by `new` get hidden classes: every rule's reads are faster and each map takes
 * a fraction of the memory.
 */
const PlainMapConstructor = function PlainMap() {} as unknown as new () => Record<string, unknown>;
PlainMapConstructor.prototype = Object.create(null) as object;

export function newPlainMap<Value = unknown>(): Record<string, Value> {
  return new PlainMapConstructor() as Record<string, Value>;
}
